package io.configcicd.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration on the command line ({@code monitor --duration/--interval}): a bare number is seconds ({@code 300}, the
 * original design's form), or a number with a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. Zero, negative
 * and anything else is a usage error that picocli reports naming the option (exit 2).
 */
final class DurationOption implements ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /** @throws TypeConversionException saying which forms are accepted */
    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration: write seconds (300) or a number with"
                    + " a unit (500ms, 10s, 5m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new TypeConversionException("'" + text + "' is not a positive duration");
        }
        return d;
    }
}
