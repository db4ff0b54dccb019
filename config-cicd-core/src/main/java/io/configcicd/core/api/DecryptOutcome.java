package io.configcicd.core.api;

import java.util.Objects;

/**
 * The plaintext {@link SecretsService#decrypt} opened, after access control allowed it to be revealed (a denied
 * decrypt throws instead of returning). A front end shows it as it is: it calls off its output masking for this
 * value, which the masker would otherwise hide.
 */
public record DecryptOutcome(String value, String keyId) {

    public DecryptOutcome {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(keyId, "keyId");
    }

    /** Always true: a decrypt outcome exists only when revealing was allowed, and its value is the plaintext. */
    public boolean revealed() {
        return true;
    }

    @Override
    public String toString() {
        return "DecryptOutcome[value=******, keyId=" + keyId + "]";
    }
}
