package io.configcicd.cli;

import io.configcicd.core.model.Durations;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration on the command line ({@code monitor --duration/--interval}): a bare number is seconds ({@code 300}, the
 * original design's form), or a number with a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. Zero, negative
 * and anything else is a usage error that picocli reports naming the option (exit 2).
 */
final class DurationOption implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /** @throws TypeConversionException saying which forms are accepted */
    static Duration parse(String text) {
        Optional<Duration> any = Durations.parse(text, Optional.of(ChronoUnit.SECONDS));
        if (any.isEmpty()) {
            throw new TypeConversionException("'" + text + "' is not a duration: write seconds (300) or a number with"
                    + " a unit (500ms, 10s, 5m, 1h)");
        }
        return any.filter(d -> !d.isZero()).orElseThrow(() -> new TypeConversionException("'" + text
                + "' is not a positive duration"));
    }
}
