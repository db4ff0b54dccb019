package io.configcicd.core.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SecretsService#encrypt} encrypts: the plaintext {@code value}, with the key of the file {@code keyFile}
 * when one is given, else of {@code CONFIG_CICD_KEY} in the workspace's environment.
 */
public record EncryptRequest(String value, Optional<Path> keyFile) {

    public EncryptRequest {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** {@code value} under the key of {@code CONFIG_CICD_KEY}. */
    public static EncryptRequest of(String value) {
        return new EncryptRequest(value, Optional.empty());
    }

    /** The key is read from {@code file} (base64) instead of {@code CONFIG_CICD_KEY}. */
    public EncryptRequest withKeyFile(Path file) {
        return new EncryptRequest(value, Optional.of(file));
    }

    @Override
    public String toString() {
        return "EncryptRequest[value=******, keyFile=" + keyFile + "]";
    }
}
