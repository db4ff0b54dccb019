package io.configcicd.core.deploy.probe;

import io.configcicd.core.repo.ProbeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The comparison of an {@code http} probe's JSON pointer value or a {@code prometheus} sample: {@code expect} compares
 * the text, {@code below}/{@code above} need a number (a numeric string is fine) and compare strictly. NaN and a
 * non-number fail every bound.
 */
record Condition(Optional<String> expect, Optional<Double> below, Optional<Double> above) {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The verdict on one value: whether it passes, the words saying why, and how far inside the bounds it is. */
    record Verdict(boolean ok, String words, Optional<Double> number, double margin) {
    }

    static Condition of(ProbeSpec spec) {
        return new Condition(spec.expect(), spec.below(), spec.above());
    }

    boolean hasBounds() {
        return below.isPresent() || above.isPresent();
    }

    /** Judges a value given as text ({@code "UP"}, {@code "0.012"}, {@code "NaN"}, {@code "+Inf"}). */
    Verdict judge(String text) {
        Optional<Double> number = parse(text);
        if (expect.isPresent() && !expect.get().equals(text)) {
            return new Verdict(false, "(expected " + expect.get() + ")", number, -Double.MAX_VALUE);
        }
        if (!hasBounds()) {
            return new Verdict(true, "", number, Double.POSITIVE_INFINITY);
        }
        if (number.isEmpty() || number.get().isNaN()) {
            return new Verdict(false, "(not a number)", Optional.empty(), Double.NEGATIVE_INFINITY);
        }
        double v = number.get();
        double margin = Double.POSITIVE_INFINITY;
        List<String> ok = new ArrayList<>();
        if (below.isPresent()) {
            margin = Math.min(margin, below.get() - v);
            if (!(v < below.get())) {
                return new Verdict(false, "(not below " + Texts.number(below.get()) + ")", number, margin);
            }
            ok.add("below " + Texts.number(below.get()));
        }
        if (above.isPresent()) {
            margin = Math.min(margin, v - above.get());
            if (!(v > above.get())) {
                return new Verdict(false, "(not above " + Texts.number(above.get()) + ")", number, margin);
            }
            ok.add("above " + Texts.number(above.get()));
        }
        return new Verdict(true, "(" + String.join(", ", ok) + ")", number, margin);
    }

    /** A number written as JSON or Prometheus writes it ({@code NaN}, {@code +Inf}, {@code -Inf} included). */
    static Optional<Double> parse(String text) {
        String t = text.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Optional.of(Double.NaN);
            case "+inf", "inf", "+infinity", "infinity":
                return Optional.of(Double.POSITIVE_INFINITY);
            case "-inf", "-infinity":
                return Optional.of(Double.NEGATIVE_INFINITY);
            default:
                return DECIMAL.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
        }
    }
}
