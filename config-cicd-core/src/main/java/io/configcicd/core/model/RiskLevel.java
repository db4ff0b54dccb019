package io.configcicd.core.model;

import io.configcicd.core.model.Severity;
import java.util.Locale;

/** How risky a configuration change is, in rising order. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** One level up; {@code CRITICAL} stays. */
    public RiskLevel raise() {
        return this == CRITICAL ? this : values()[ordinal() + 1];
    }

    /** One level down; {@code LOW} stays. */
    public RiskLevel lower() {
        return this == LOW ? this : values()[ordinal() - 1];
    }

    /** The higher of the two. */
    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    /** Lower-case word: low, medium, high, critical. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The severity of a finding that stands for a change of this risk in the validation report formats: LOW info,
     * MEDIUM warning, HIGH error, CRITICAL critical.
     */
    public Severity severity() {
        return switch (this) {
            case LOW -> Severity.INFO;
            case MEDIUM -> Severity.WARNING;
            case HIGH -> Severity.ERROR;
            case CRITICAL -> Severity.CRITICAL;
        };
    }

    /** The level of the same rank as a severity: the inverse of {@link #severity()}. */
    public static RiskLevel of(Severity severity) {
        for (RiskLevel l : values()) {
            if (l.severity() == severity) {
                return l;
            }
        }
        throw new IllegalArgumentException("no risk level for " + severity);
    }

    /**
     * Parses a level, case-insensitive.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static RiskLevel parse(String text) {
        for (RiskLevel l : values()) {
            if (l.name().equalsIgnoreCase(text.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown risk level '" + text + "': use low, medium, high or critical");
    }
}
