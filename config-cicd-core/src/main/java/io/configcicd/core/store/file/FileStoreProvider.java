package io.configcicd.core.store.file;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreProvider;
import io.configcicd.core.store.TargetSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code type: file}: a directory of JSON (or YAML) documents, {@code <path>/<environment>.json} and its record
 * {@code <environment>.meta.json}. Option {@code path} (default {@value #DEFAULT_PATH}), relative to the
 * repository's root. Layout {@code document} by default; {@code keys} writes one flat JSON object of entries.
 */
public final class FileStoreProvider implements StoreProvider {

    public static final String TYPE = "file";
    public static final String PATH = "path";
    public static final String DEFAULT_PATH = "build/deployed";

    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Layout defaultLayout() {
        return Layout.DOCUMENT;
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of(PATH);
    }

    @Override
    public Map<String, String> optionDefaults() {
        return Map.of(PATH, DEFAULT_PATH);
    }

    @Override
    public ConfigStore open(TargetSpec spec, StoreContext context) {
        if (!ENVIRONMENT.matcher(spec.environment()).matches()) {
            throw ConfigCicdException.badInput("target " + spec.name() + ": the environment name '" + spec.environment()
                    + "' cannot name a file", "use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        Path directory = context.baseDirectory().resolve(spec.option(PATH).orElse(DEFAULT_PATH)).normalize();
        return new FileStore(spec, directory, context.clock(), FileWrites.ATOMIC);
    }
}
