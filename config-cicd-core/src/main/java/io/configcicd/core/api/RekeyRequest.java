package io.configcicd.core.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SecretsService#rekey} needs: the current key (the file {@code keyFile}, else {@code CONFIG_CICD_KEY})
 * and the new one (the file {@code newKeyFile}, else {@code CONFIG_CICD_NEW_KEY}), both from the workspace's
 * environment when no file is given.
 */
public record RekeyRequest(Optional<Path> keyFile, Optional<Path> newKeyFile) {

    public RekeyRequest {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(newKeyFile, "newKeyFile");
    }

    /** Both keys from the environment: {@code CONFIG_CICD_KEY} and {@code CONFIG_CICD_NEW_KEY}. */
    public static RekeyRequest of() {
        return new RekeyRequest(Optional.empty(), Optional.empty());
    }

    /** The current key is read from {@code file}. */
    public RekeyRequest withKeyFile(Path file) {
        return new RekeyRequest(Optional.of(file), newKeyFile);
    }

    /** The new key is read from {@code file} ({@code --new-key-file}). */
    public RekeyRequest withNewKeyFile(Path file) {
        return new RekeyRequest(keyFile, Optional.of(file));
    }
}
