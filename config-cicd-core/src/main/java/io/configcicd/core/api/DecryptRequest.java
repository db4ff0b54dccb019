package io.configcicd.core.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SecretsService#decrypt} opens: an {@code ENC[...]} {@code value}, with the key of the file
 * {@code keyFile} when one is given, else of {@code CONFIG_CICD_KEY} in the workspace's environment. Asking to
 * decrypt is asking to reveal: the outcome holds the plaintext when access control allowed it.
 */
public record DecryptRequest(String value, Optional<Path> keyFile) {

    public DecryptRequest {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** {@code value} with the key of {@code CONFIG_CICD_KEY}. */
    public static DecryptRequest of(String value) {
        return new DecryptRequest(value, Optional.empty());
    }

    /** The key is read from {@code file} (base64) instead of {@code CONFIG_CICD_KEY}. */
    public DecryptRequest withKeyFile(Path file) {
        return new DecryptRequest(value, Optional.of(file));
    }
}
