package io.configcicd.core.deploy.probe;

import io.configcicd.core.security.OutputMasker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Small text helpers shared by the probes: masking before cutting, one-line excerpts, durations in words. */
final class Texts {

    /** How much of a body or an output line an answer quotes. */
    static final int EXCERPT = 120;

    private Texts() {
    }

    /**
     * The start of {@code text} on one line, masked first and cut after, so a cut never leaves part of a secret
     * unmasked.
     */
    static String excerpt(OutputMasker masker, String text) {
        return cut(oneLine(masker.mask(text)), EXCERPT);
    }

    /** An answer masked as a whole (its parts were masked before any cut); a value only when it is finite. */
    static ProbeAnswer answer(OutputMasker masker, boolean healthy, String text, Duration latency,
                              Optional<Double> value) {
        return new ProbeAnswer(healthy, masker.mask(text), latency, value.filter(Double::isFinite));
    }

    /** Whitespace runs (newlines included) become one space; the ends are trimmed. */
    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** {@code 60 s} for whole seconds, {@code 500 ms} otherwise. */
    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static Duration since(Clock clock, Instant start) {
        Duration d = Duration.between(start, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** A double as people write it: {@code 0.05}, {@code 3}, {@code 1.0E-9}. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
