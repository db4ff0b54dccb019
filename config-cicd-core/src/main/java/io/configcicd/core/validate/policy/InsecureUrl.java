package io.configcicd.core.validate.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string value that starts with {@code http://} or {@code ws://} (any case), taken apart just enough to
 * judge and report it: the scheme, the host (lower-case, without brackets, port or user info) and whether
 * user info ({@code user:password@}) was written. The user info itself is never kept.
 *
 * @param scheme      {@code http} or {@code ws}
 * @param host        the host, empty when the URL has none
 * @param hasUserInfo whether the URL carries {@code user[:password]@}
 * @param secured     the same text with {@code https://} or {@code wss://}
 */
record InsecureUrl(String scheme, String host, boolean hasUserInfo, String secured) {

    private static final Pattern INSECURE = Pattern.compile("(http|ws)://", Pattern.CASE_INSENSITIVE);

    static Optional<InsecureUrl> parse(String text) {
        Matcher m = INSECURE.matcher(text);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = text.substring(m.end());
        String authority = rest.substring(0, authorityEnd(rest));
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close > 0 ? hostPort.substring(1, close) : hostPort.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        }
        return Optional.of(new InsecureUrl(scheme, host.toLowerCase(Locale.ROOT), at >= 0, scheme + "s://" + rest));
    }

    /** {@code https} or {@code wss}. */
    String secureScheme() {
        return scheme + "s";
    }

    private static int authorityEnd(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\' || Character.isWhitespace(c)) {
                return i;
            }
        }
        return rest.length();
    }
}
