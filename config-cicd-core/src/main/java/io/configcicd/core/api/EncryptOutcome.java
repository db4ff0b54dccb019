package io.configcicd.core.api;

import java.util.Objects;

/** What {@link SecretsService#encrypt} made: the {@code ENC[...]} text and the id of the key that sealed it. */
public record EncryptOutcome(String value, String keyId) {

    public EncryptOutcome {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(keyId, "keyId");
    }
}
