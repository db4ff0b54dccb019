package io.configcicd.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The level at which a run fails ({@code --fail-on}, {@code config.failOn}, the action's {@code fail_on}): a
 * severity of findings or a risk level of changes, which stand for each other by rank (info low, warning medium,
 * error high, critical critical), so one threshold serves {@code validate} and {@code assess}. This is the one
 * parse of a threshold's text; a front end wraps its {@link IllegalArgumentException} naming its own parameter.
 *
 * <pre>
 * Threshold t = Threshold.parse("high");   // t.riskLevel() HIGH, t.severity() ERROR
 * </pre>
 *
 * @param riskLevel the threshold as a risk level; {@link #severity()} is the severity of the same rank
 */
public record Threshold(RiskLevel riskLevel) {

    public Threshold {
        Objects.requireNonNull(riskLevel, "riskLevel");
    }

    /** The threshold of a severity. */
    public static Threshold of(Severity severity) {
        return new Threshold(RiskLevel.of(severity));
    }

    /** The threshold as a severity of findings. */
    public Severity severity() {
        return riskLevel.severity();
    }

    /**
     * Parses any of {@code info, warning, error, critical, low, medium, high}, in any case, surrounding blanks
     * ignored.
     *
     * @throws IllegalArgumentException for any other text, naming the words allowed
     */
    public static Threshold parse(String text) {
        return parse(text, true, true);
    }

    /**
     * Parses a risk level alone ({@code low, medium, high, critical}), for a front end whose threshold has only
     * ever taken risk levels.
     *
     * @throws IllegalArgumentException for any other text, as {@link RiskLevel#parse} words it
     */
    public static Threshold parseRiskLevel(String text) {
        return parse(text, false, true);
    }

    /**
     * Parses a severity alone ({@code info, warning, error, critical}), for a front end whose threshold has only
     * ever taken severities.
     *
     * @throws IllegalArgumentException for any other text, as {@link Severity#parse} words it
     */
    public static Threshold parseSeverity(String text) {
        return parse(text, true, false);
    }

    private static Threshold parse(String text, boolean severities, boolean riskLevels) {
        Objects.requireNonNull(text, "text");
        String word = text.trim().toUpperCase(Locale.ROOT);
        if (severities) {
            for (Severity s : Severity.values()) {
                if (s.name().equals(word)) {
                    return of(s);
                }
            }
        }
        if (riskLevels) {
            for (RiskLevel l : RiskLevel.values()) {
                if (l.name().equals(word)) {
                    return new Threshold(l);
                }
            }
        }
        String quoted = "'" + text + "'";
        throw new IllegalArgumentException(!riskLevels
                ? "unknown severity " + quoted + ": use info, warning, error or critical"
                : !severities ? "unknown risk level " + quoted + ": use low, medium, high or critical"
                : "unknown threshold " + quoted + ": use a severity (info, warning, error or critical) or a risk level"
                        + " (low, medium, high or critical)");
    }
}
