package io.configcicd.action;

import io.configcicd.core.event.EventSink;
import java.time.Clock;
import io.configcicd.core.api.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one masker of a run: every secret of the configuration directory in the checkout (values under secret keys,
 * the plaintext of {@code ENC[...]} values that {@code CONFIG_CICD_KEY} opens, the values the environment gives to
 * referenced variables) and the product's own credentials in the environment. When the directory cannot be opened,
 * the credentials alone ({@link Workspace#credentialsMasker}); the command then reports why.
 */
final class ActionSecrets {

    private ActionSecrets() {
    }

    /**
     * The configuration directory opened once for the run (its masker and the documents the command then reads);
     * empty when it cannot be opened, and the command reports why.
     */
    static Optional<Workspace> open(Path configDir, Map<String, String> env, EventSink events) {
        if (Files.isDirectory(configDir)) {
            try {
                return Optional.of(Workspace.open(configDir, env, Clock.systemDefaultZone(), events));
            } catch (RuntimeException e) {
                // a broken settings file: the command reports it, with its file:line
            }
        }
        return Optional.empty();
    }
}
