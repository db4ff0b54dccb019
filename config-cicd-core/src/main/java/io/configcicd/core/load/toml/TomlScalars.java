package io.configcicd.core.load.toml;

import io.configcicd.core.load.FloatLiterals;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** Booleans, integers, floats and the four date/time kinds of TOML 1.0.0. */
final class TomlScalars {

    private static final Pattern DEC_INT = Pattern.compile("[+-]?(0|[1-9](_?[0-9])*)");
    private static final Pattern HEX_INT = Pattern.compile("0x[0-9a-fA-F](_?[0-9a-fA-F])*");
    private static final Pattern OCT_INT = Pattern.compile("0o[0-7](_?[0-7])*");
    private static final Pattern BIN_INT = Pattern.compile("0b[01](_?[01])*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(0|[1-9](_?[0-9])*)(\\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?|[eE][+-]?[0-9](_?[0-9])*)");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(inf|nan)");
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final String TEMPORAL_HINT =
            "write dates as 1979-05-27, times as 07:32:00[.999] and date-times as 1979-05-27T07:32:00[Z|+01:00]";

    private TomlScalars() {
    }

    /** A date or time that does not have the shape TOML requires; the message says what was expected. */
    private static final class Malformed extends DateTimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String expected) {
            super(expected);
        }
    }

    /** True when the text at the cursor starts a date or a time (rather than a number). */
    static boolean atTemporal(TomlReader r) {
        return digits(r, 0, 4) && r.peek(4) == '-' || digits(r, 0, 2) && r.peek(2) == ':';
    }

    /** Parses true/false at the cursor, or returns null when the word is not a boolean. */
    static ConfigScalar bool(TomlReader r, Origin origin) {
        for (String word : new String[] {"true", "false"}) {
            if (r.startsWith(word) && !TomlReader.isBareKeyChar(r.peek(word.length()))) {
                r.pos += word.length();
                return ConfigScalar.bool(word.equals("true"), origin);
            }
        }
        return null;
    }

    /** Parses an integer or float at the cursor. */
    static ConfigScalar number(TomlReader r, Origin origin) {
        int start = r.pos;
        while (!r.eof() && (TomlReader.isBareKeyChar(r.peek()) || r.peek() == '+' || r.peek() == '.')) {
            r.pos++;
        }
        String token = r.text.substring(start, r.pos);
        if (token.isEmpty()) {
            throw r.fail(start, "expected a value, found " + TomlReader.describe(r.peek()),
                    "write a string in quotes, a number, true/false, a date, [array] or {inline table}");
        }
        if (token.length() > r.limits.maxNumberLength()) {
            throw r.fail(start, "number of " + token.length() + " characters is longer than the limit of "
                    + r.limits.maxNumberLength(),
                    "shorten the number or " + LoadLimits.raise(LoadLimits.MAX_NUMBER_LENGTH));
        }
        if (DEC_INT.matcher(token).matches()) {
            return integer(r, start, token.replace("_", ""), 10, origin);
        }
        if (HEX_INT.matcher(token).matches() || OCT_INT.matcher(token).matches() || BIN_INT.matcher(token).matches()) {
            int radix = token.charAt(1) == 'x' ? 16 : token.charAt(1) == 'o' ? 8 : 2;
            return integer(r, start, token.substring(2).replace("_", ""), radix, origin);
        }
        if (SPECIAL.matcher(token).matches()) {
            double v = token.endsWith("nan") ? Double.NaN
                    : token.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return ConfigScalar.floating(v, origin);
        }
        if (FLOAT.matcher(token).matches()) {
            return ConfigScalar.floating(FloatLiterals.checked(token, Double.parseDouble(token.replace("_", "")),
                    origin), origin);
        }
        throw notAValue(r, start, token);
    }

    /** The error for a bare word or a malformed number; the text is not quoted, it may be a secret. */
    private static RuntimeException notAValue(TomlReader r, int start, String token) {
        char first = token.charAt(0);
        if (first >= '0' && first <= '9' || first == '+' || first == '-' || first == '.') {
            return r.fail(start, "expected a number, found a malformed one", "numbers look like 42, -17, 1_000, "
                    + "0xFF, 0o17, 0b101, 3.14, 6.02e23, inf or nan (no leading zeros); strings need quotes");
        }
        return r.fail(start, "expected a value (a \"quoted string\", a number, true or false, a date, an [array] or "
                + "an {inline table}), found an unquoted word", "put text in quotes: key = \"text\"");
    }

    private static ConfigScalar integer(TomlReader r, int start, String digits, int radix, Origin origin) {
        BigInteger v = new BigInteger(digits, radix);
        if (v.compareTo(MIN) < 0 || v.compareTo(MAX) > 0) {
            throw r.fail(start, "expected an integer within 64 bits, found a larger one",
                    "integers range from -9223372036854775808 to 9223372036854775807; use a string or a float");
        }
        return ConfigScalar.integer(v.longValue(), origin);
    }

    /** Parses an offset date-time, local date-time, local date or local time at the cursor. */
    static ConfigScalar temporal(TomlReader r, Origin origin) {
        int start = r.pos;
        try {
            if (r.peek(2) == ':') {
                LocalTime t = time(r, start);
                return ConfigScalar.temporal(t, r.text.substring(start, r.pos), origin);
            }
            LocalDate d = LocalDate.of(number(r, 4), number(r, 2, '-'), number(r, 2, '-'));
            int sep = r.peek();
            boolean hasTime = sep == 'T' || sep == 't' || (sep == ' ' && digits(r, 1, 2) && r.peek(3) == ':');
            if (!hasTime) {
                return ConfigScalar.temporal(d, r.text.substring(start, r.pos), origin);
            }
            r.pos++;
            LocalDateTime dt = LocalDateTime.of(d, time(r, start));
            ZoneOffset offset = offset(r, start);
            String text = normalize(r.text.substring(start, r.pos));
            return offset == null ? ConfigScalar.temporal(dt, text, origin)
                    : ConfigScalar.temporal(OffsetDateTime.of(dt, offset), text, origin);
        } catch (Malformed e) {
            throw r.fail(start, "expected a date or time: " + e.getMessage(), TEMPORAL_HINT);
        } catch (DateTimeException | NumberFormatException e) {
            throw r.fail(start, "expected a date or time that exists (month 01-12, a day of that month, hour 00-23, "
                    + "minute and second 00-59)", TEMPORAL_HINT);
        }
    }

    private static LocalTime time(TomlReader r, int start) {
        int h = number(r, 2);
        int m = number(r, 2, ':');
        int s = number(r, 2, ':');
        int nanos = 0;
        if (r.peek() == '.') {
            r.pos++;
            int fracStart = r.pos;
            while (!r.eof() && Character.isDigit(r.peek()) && r.peek() < 128) {
                r.pos++;
            }
            if (r.pos == fracStart) {
                throw new Malformed("digits after the '.' of the seconds");
            }
            String frac = (r.text.substring(fracStart, r.pos) + "00000000").substring(0, 9);
            nanos = Integer.parseInt(frac);
        }
        return LocalTime.of(h, m, s, nanos);
    }

    private static ZoneOffset offset(TomlReader r, int start) {
        int c = r.peek();
        if (c == 'Z' || c == 'z') {
            r.pos++;
            return ZoneOffset.UTC;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        r.pos++;
        int h = number(r, 2);
        int m = number(r, 2, ':');
        if (h > 23 || m > 59) {
            throw new Malformed("a time offset has hours 00-23 and minutes 00-59");
        }
        int total = h * 3600 + m * 60;
        return ZoneOffset.ofTotalSeconds(c == '-' ? -total : total);
    }

    private static int number(TomlReader r, int count, char separator) {
        if (r.peek() != separator) {
            throw new Malformed("'" + separator + "' between its parts");
        }
        r.pos++;
        return number(r, count);
    }

    private static int number(TomlReader r, int count) {
        if (!digits(r, 0, count)) {
            throw new Malformed(count + " digits for each part");
        }
        int v = Integer.parseInt(r.text.substring(r.pos, r.pos + count));
        r.pos += count;
        return v;
    }

    private static boolean digits(TomlReader r, int offset, int count) {
        for (int i = 0; i < count; i++) {
            int c = r.peek(offset + i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String text) {
        char[] cs = text.toCharArray();
        if (cs.length > 10) {
            cs[10] = 'T';
        }
        if (cs[cs.length - 1] == 'z') {
            cs[cs.length - 1] = 'Z';
        }
        return new String(cs);
    }
}
