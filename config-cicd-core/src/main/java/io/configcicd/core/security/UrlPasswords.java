package io.configcicd.core.security;

/**
 * Masks the password of every URL in a text by its shape, whether or not the password is a known secret:
 * {@code postgres://admin:s3cret@db/app} becomes {@code postgres://admin:******@db/app}. A URL is a scheme (a letter,
 * then letters, digits, {@code +}, {@code -} or {@code .}), {@code ://}, and an authority that ends at the first
 * {@code /}, {@code ?}, {@code #}, white space, quote or angle bracket; its password is what lies between the first
 * {@code :} of the authority and its last {@code @} (an unescaped {@code @} in a password is common enough to allow).
 * A user name alone ({@code https://git@host}) is kept: user names are not secrets, and tokens written there are
 * masked when they are configured secrets.
 *
 * <p>One scan of the text, no regular expression: the cost is linear in the text whatever it holds.
 */
final class UrlPasswords {

    private static final String SEPARATOR = "://";

    private UrlPasswords() {
    }

    /** The text with every URL password replaced by {@value SecretMasker#MASK}; the same instance when there is none. */
    static String mask(String text) {
        int at = text.indexOf(SEPARATOR);
        if (at < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        while (at >= 0) {
            int start = at + SEPARATOR.length();
            int end = authorityEnd(text, start);
            int password = at > 0 && isSchemeChar(text.charAt(at - 1)) ? passwordStart(text, start, end) : -1;
            int stop = password < 0 ? -1 : text.lastIndexOf('@', end - 1);
            if (stop > password && !isMask(text, password, stop)) {
                out = out != null ? out : new StringBuilder(text.length());
                out.append(text, copied, password).append(SecretMasker.MASK);
                copied = stop;
            }
            at = text.indexOf(SEPARATOR, Math.max(end, start));
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean isMask(String text, int from, int to) {
        return to - from == SecretMasker.MASK.length() && text.startsWith(SecretMasker.MASK, from);
    }

    /** Where the authority that starts at {@code from} ends (exclusive). */
    private static int authorityEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`'
                    || Character.isWhitespace(c)) {
                break;
            }
            i++;
        }
        return i;
    }

    /** The index after the first ':' of the user-info, or -1 when the authority has no {@code user:password@}. */
    private static int passwordStart(String text, int start, int end) {
        int lastAt = text.lastIndexOf('@', end - 1);
        if (lastAt < start) {
            return -1;
        }
        int colon = text.indexOf(':', start);
        return colon >= 0 && colon < lastAt ? colon + 1 : -1;
    }

    private static boolean isSchemeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
    }
}
