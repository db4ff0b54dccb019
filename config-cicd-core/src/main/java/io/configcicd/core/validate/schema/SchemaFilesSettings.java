package io.configcicd.core.validate.schema;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.rules.ValidationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code validate --schema} takes from a settings file: the secret keys ({@code secrets.keys}), the loader's
 * limits ({@code limits:}) and whether formats are asserted ({@code validation.formats}). The same defaults as a
 * configuration directory without {@code config-cicd.yaml}, so both modes mask the same keys.
 *
 * @param secretKeys the key patterns whose values are secrets
 * @param limits     the loader's bounds for every file
 * @param options    how the schema is applied
 */
public record SchemaFilesSettings(List<String> secretKeys, LoadLimits limits, SchemaOptions options) {

    /** The settings without a settings file. */
    public static final SchemaFilesSettings DEFAULT =
            new SchemaFilesSettings(Settings.DEFAULT_SECRET_KEYS, LoadLimits.DEFAULT, SchemaOptions.DEFAULT);

    public SchemaFilesSettings {
        secretKeys = List.copyOf(secretKeys);
    }

    /**
     * The settings of {@code config-cicd.yaml} in a configuration directory, when there is one; the defaults
     * otherwise (also when the directory does not exist: {@code --schema} needs none).
     *
     * @throws ConfigCicdException bad input at the file:line of a malformed setting
     */
    public static SchemaFilesSettings of(Path configDir) {
        Path file = configDir.resolve(Settings.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return DEFAULT;
        }
        String name = FileDocuments.displayName(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ConfigCicdException.badInput("settings file " + name + " cannot be read: " + FileDocuments.ioReason(e),
                    "make it readable, or give another --config-dir");
        }
        var doc = ConfigDirectory.asMap(Codecs.standard().of(Format.YAML).parse(bytes, name, LoadLimits.DEFAULT), name);
        Settings settings = Settings.from(doc);
        return new SchemaFilesSettings(settings.secretKeys(), settings.limits(),
                new SchemaOptions(ValidationSettings.from(doc).assertFormats()));
    }

    /** These settings with formats asserted or not, as an option given on the command line says. */
    public SchemaFilesSettings withAssertFormats(Optional<Boolean> assertFormats) {
        return assertFormats.map(a -> new SchemaFilesSettings(secretKeys, limits, options.withAssertFormats(a))).orElse(this);
    }

    /** These settings with other limits. */
    public SchemaFilesSettings withLimits(LoadLimits other) {
        return new SchemaFilesSettings(secretKeys, other, options);
    }
}
