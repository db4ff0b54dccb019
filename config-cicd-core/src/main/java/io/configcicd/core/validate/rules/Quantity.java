package io.configcicd.core.validate.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource quantity as Kubernetes and most deployment files write it, reduced to base units (bytes for
 * memory, cores for CPU): a plain number ({@code 1024}, {@code 1.5}), milli ({@code 500m} = 0.5), decimal
 * multiples {@code k K M G T P E} and {@code kB KB MB GB TB PB EB} (1000^n), binary multiples
 * {@code Ki Mi Gi Ti Pi Ei} and {@code KiB MiB GiB TiB PiB EiB} (1024^n). Suffixes of one letter are case
 * sensitive ({@code m} is milli, {@code M} mega); longer ones are not ({@code gb}, {@code gib}).
 */
public record Quantity(BigDecimal amount, String text) implements Comparable<Quantity> {

    private static final Pattern FORM = Pattern.compile("([+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z]*)");
    private static final Map<String, BigDecimal> EXACT = new LinkedHashMap<>();
    private static final Map<String, BigDecimal> FOLDED = new LinkedHashMap<>();

    static {
        EXACT.put("", BigDecimal.ONE);
        EXACT.put("m", new BigDecimal("0.001"));
        EXACT.put("k", BigDecimal.valueOf(1000));
        EXACT.put("K", BigDecimal.valueOf(1000));
        String decimal = "KMGTPE";
        for (int i = 0; i < decimal.length(); i++) {
            BigDecimal si = BigDecimal.valueOf(1000).pow(i + 1);
            BigDecimal bin = BigDecimal.valueOf(1024).pow(i + 1);
            String letter = String.valueOf(decimal.charAt(i));
            EXACT.putIfAbsent(letter, si);
            FOLDED.put(letter.toLowerCase(Locale.ROOT) + "b", si);
            FOLDED.put(letter.toLowerCase(Locale.ROOT) + "i", bin);
            FOLDED.put(letter.toLowerCase(Locale.ROOT) + "ib", bin);
        }
    }

    /**
     * Parses a quantity.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms when it is not a quantity
     */
    public static Quantity parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not a quantity: write a number with an optional unit, as in 512Mi, 1GB, 1.5, 500m"));
    }

    public static Optional<Quantity> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal factor = factor(m.group(2));
        if (factor == null) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1).startsWith("+") ? m.group(1).substring(1) : m.group(1));
        return Optional.of(new Quantity(number.multiply(factor), text.trim()));
    }

    /** A number written without a unit: {@code 1024} or {@code 1.5}. */
    public static Quantity of(BigDecimal amount, String text) {
        return new Quantity(amount, text);
    }

    private static BigDecimal factor(String suffix) {
        BigDecimal f = EXACT.get(suffix);
        if (f == null && suffix.length() > 1) {
            f = FOLDED.get(suffix.toLowerCase(Locale.ROOT));
        }
        return f;
    }

    @Override
    public int compareTo(Quantity o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public String toString() {
        return text;
    }
}
