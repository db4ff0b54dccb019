package io.configcicd.core.validate.schema;

import com.networknt.schema.utils.RFC5892;
import java.net.IDN;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code hostname} and {@code idn-hostname} formats ({@link FormatChecks}), as the JSON-Schema-Test-Suite has them:
 *
 * <ul>
 *   <li>{@code hostname}: RFC 1123 labels (letters, digits, inner hyphens) of at most 63 characters, at most 253 in
 *       all, no trailing dot; a label with {@code --} in its third and fourth places must be an A-label
 *       ({@code xn--...}) whose Punycode (RFC 3492) decodes to a valid IDNA2008 U-label (RFC 5891, checked by
 *       networknt's {@link RFC5892}). Java's {@link IDN} is IDNA2003, which maps away characters IDNA2008 keeps
 *       (sharp s, zero-width joiners), so the Punycode is decoded here;</li>
 *   <li>{@code idn-hostname}: networknt's check, and no trailing label separator, at most 253 characters in ASCII
 *       form, and in a Bidi domain name (one with a right-to-left label) the Bidi rule's first-character and
 *       digit-mixing conditions (RFC 5893 rules 1 and 4).</li>
 * </ul>
 */
final class Hostnames {

    private static final Pattern LDH_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IDN_SEPARATOR = Pattern.compile("[.\u3002\uff0e\uff61]");
    private static final int MAX_HOSTNAME = 253;

    // RFC 3492 5: the parameters of Punycode
    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Hostnames() {
    }

    static boolean hostname(String value) {
        if (value.isEmpty() || value.length() > MAX_HOSTNAME) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!LDH_LABEL.matcher(label).matches()) {
                return false;
            }
            boolean reserved = label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-';
            if (reserved && !aLabel(label)) {
                return false;
            }
        }
        return true;
    }

    static boolean idnHostname(String value) {
        if (!RFC5892.isValid(value) || IDN_SEPARATOR.matcher(value.substring(value.length() - 1)).matches()) {
            return false;
        }
        try {
            if (IDN.toASCII(value, IDN.ALLOW_UNASSIGNED).length() > MAX_HOSTNAME) {
                return false;
            }
        } catch (IllegalArgumentException e) {
            // Java's IDNA2003 tables are older than IDNA2008's: RFC 5892 has judged the labels already
        }
        return bidiRule(IDN_SEPARATOR.split(value));
    }

    /**
     * RFC 5893 rules 1 and 4 in a Bidi domain name (one with a right-to-left label): every label starts with a
     * left-to-right or right-to-left letter, and no right-to-left label mixes European and Arabic-Indic digits.
     */
    private static boolean bidiRule(String[] labels) {
        boolean bidiDomain = false;
        for (String label : labels) {
            bidiDomain |= label.codePoints().anyMatch(Hostnames::rightToLeft);
        }
        if (!bidiDomain) {
            return true;
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                continue;
            }
            byte first = Character.getDirectionality(label.codePointAt(0));
            if (first != Character.DIRECTIONALITY_LEFT_TO_RIGHT && first != Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    && first != Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return false;
            }
            boolean european = label.codePoints().anyMatch(c -> direction(c, Character.DIRECTIONALITY_EUROPEAN_NUMBER));
            boolean arabic = label.codePoints().anyMatch(c -> direction(c, Character.DIRECTIONALITY_ARABIC_NUMBER));
            if (european && arabic) {
                return false;
            }
        }
        return true;
    }

    private static boolean rightToLeft(int codePoint) {
        return direction(codePoint, Character.DIRECTIONALITY_RIGHT_TO_LEFT)
                || direction(codePoint, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)
                || direction(codePoint, Character.DIRECTIONALITY_ARABIC_NUMBER);
    }

    private static boolean direction(int codePoint, byte direction) {
        return Character.getDirectionality(codePoint) == direction;
    }

    /** Whether a label with {@code --} in its third and fourth places is an A-label of a valid U-label. */
    private static boolean aLabel(String label) {
        if (!label.regionMatches(true, 0, "xn--", 0, 4)) {
            return false;
        }
        Optional<String> unicode = punycode(label.substring(4));
        return unicode.isPresent() && unicode.get().chars().anyMatch(c -> c >= 0x80) && RFC5892.isValid(unicode.get());
    }

    /** RFC 3492 6.2: the Unicode text a Punycode string encodes, or empty when it is not valid Punycode. */
    static Optional<String> punycode(String input) {
        int delimiter = input.lastIndexOf('-');
        StringBuilder out = new StringBuilder(input.length());
        for (int j = 0; j < Math.max(delimiter, 0); j++) {
            if (input.charAt(j) >= 0x80) {
                return Optional.empty();
            }
            out.appendCodePoint(input.charAt(j));
        }
        int[] codePoints = out.codePoints().toArray();
        int length = codePoints.length;
        int n = INITIAL_N;
        int bias = INITIAL_BIAS;
        long i = 0;
        int in = delimiter > 0 ? delimiter + 1 : 0;
        while (in < input.length()) {
            long oldI = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                int digit = in < input.length() ? digit(input.charAt(in++)) : -1;
                if (digit < 0 || i + digit * w > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                i += digit * w;
                int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
                if (digit < t) {
                    break;
                }
                w *= BASE - t;
            }
            bias = adapt(i - oldI, length + 1, oldI == 0);
            n += (int) (i / (length + 1));
            i %= length + 1;
            if (n > Character.MAX_CODE_POINT || Character.isSurrogate((char) n) && n <= Character.MAX_VALUE) {
                return Optional.empty();
            }
            codePoints = insert(codePoints, length++, (int) i++, n);
        }
        return Optional.of(new String(codePoints, 0, length));
    }

    private static int[] insert(int[] codePoints, int length, int at, int codePoint) {
        int[] out = length < codePoints.length ? codePoints : java.util.Arrays.copyOf(codePoints, length * 2 + 4);
        System.arraycopy(out, at, out, at + 1, length - at);
        out[at] = codePoint;
        return out;
    }

    private static int adapt(long delta, int points, boolean first) {
        long d = first ? delta / DAMP : delta / 2;
        d += d / points;
        int k = 0;
        while (d > ((BASE - TMIN) * TMAX) / 2) {
            d /= BASE - TMIN;
            k += BASE;
        }
        return (int) (k + (BASE - TMIN + 1) * d / (d + SKEW));
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        return c >= 'A' && c <= 'Z' ? c - 'A' : -1;
    }
}
