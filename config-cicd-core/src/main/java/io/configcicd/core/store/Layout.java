package io.configcicd.core.store;

import java.util.Locale;
import java.util.Optional;

/** How a target holds the effective configuration (ARCHITECTURE 3a). */
public enum Layout {
    /** One entry per leaf, named by its dotted path, its value as text. */
    KEYS,
    /** The whole effective configuration as one JSON or YAML text. */
    DOCUMENT;

    /** The word written in {@code config-cicd.yaml}: {@code keys}, {@code document}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Layout> ofWord(String word) {
        for (Layout l : values()) {
            if (l.word().equals(word)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
