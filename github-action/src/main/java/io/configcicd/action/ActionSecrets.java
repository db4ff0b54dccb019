package io.configcicd.action;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretInventory;
import io.configcicd.core.security.SecretMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one masker of a run: every secret of the configuration directory in the checkout (values under secret keys,
 * the plaintext of {@code ENC[...]} values that {@code CONFIG_CICD_KEY} opens, the values the environment gives to
 * referenced variables) and the product's own credentials in the environment. When the directory cannot be opened,
 * the credentials alone; the command then reports why.
 */
final class ActionSecrets {

    private ActionSecrets() {
    }

    static OutputMasker masker(Path configDir, Map<String, String> env) {
        if (Files.isDirectory(configDir)) {
            try (ConfigurationManager manager = ConfigurationManager.open(configDir)) {
                return SecretInventory.of(manager.directory(), env);
            } catch (RuntimeException e) {
                // a broken settings file: the command reports it, with its file:line
            }
        }
        OutputMasker.Builder credentials = OutputMasker.builder(new SecretMasker(Settings.DEFAULT_SECRET_KEYS));
        SecretInventory.CREDENTIAL_VARIABLES.forEach(v -> credentials.addValue(env.get(v)));
        return credentials.build();
    }
}
