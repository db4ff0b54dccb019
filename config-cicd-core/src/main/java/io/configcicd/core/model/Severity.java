package io.configcicd.core.model;

import java.util.Locale;

/** How serious a finding is, in rising order; the engine, not the rule, decides which ones fail a run. */
public enum Severity {
    INFO,
    WARNING,
    ERROR,
    CRITICAL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "': use info, warning, error or critical");
    }
}
