package io.configcicd.core.store;

import java.util.Locale;
import java.util.Optional;

/** What a target receives for a secret (ARCHITECTURE 3a). */
public enum SecretsMode {
    /** Secrets as written in git: {@code ${VAR}} text or {@code ENC[...]}. The default everywhere. */
    REFERENCE,
    /** The real values, resolved at deploy time; never shown in any output. */
    RESOLVE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SecretsMode> ofWord(String word) {
        for (SecretsMode m : values()) {
            if (m.word().equals(word)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
