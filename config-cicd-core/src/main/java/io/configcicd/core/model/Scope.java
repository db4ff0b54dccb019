package io.configcicd.core.model;

import java.util.Locale;

/**
 * Which configuration a (scope, name) pair means (ARCHITECTURE 2-3): {@code GLOBAL} with the name of an
 * environment is that environment's effective configuration (global documents merged with its
 * override); {@code ENVIRONMENT} is the override document of that environment alone.
 */
public enum Scope {
    GLOBAL,
    ENVIRONMENT;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope parse(String text) {
        for (Scope s : values()) {
            if (s.word().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + text + "': use global or environment");
    }
}
