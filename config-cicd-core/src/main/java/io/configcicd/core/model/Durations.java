package io.configcicd.core.model;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written, in {@code config-cicd.yaml} ({@code monitor.interval: 10s}) and on every front
 * end ({@code monitor --duration 300}, {@code -Dconfig.duration=5m}, the action's {@code duration: 10s}): a whole
 * number with a unit, {@code ms}, {@code s}, {@code m} or {@code h}; where a bare number is allowed its unit is the
 * caller's ({@code --duration 300} is seconds, the original design's form).
 */
public final class Durations {

    /** The forms, for messages: {@code "500ms, 10s, 5m or 1h"}. */
    public static final String FORMS = "500ms, 10s, 5m or 1h";

    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * The duration {@code text} writes, zero included; empty when it is not one.
     *
     * @param bare the unit of a bare number; empty: a bare number is not a duration (except {@code 0})
     */
    public static Optional<Duration> parse(String text, Optional<ChronoUnit> bare) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        if (m.group(2) == null) {
            return n == 0 ? Optional.of(Duration.ZERO) : bare.map(u -> Duration.of(n, u));
        }
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        });
    }

    /** A positive duration where a bare number is seconds; empty when {@code text} is not one. */
    public static Optional<Duration> positiveSeconds(String text) {
        return parse(text, Optional.of(ChronoUnit.SECONDS)).filter(d -> !d.isZero());
    }
}
