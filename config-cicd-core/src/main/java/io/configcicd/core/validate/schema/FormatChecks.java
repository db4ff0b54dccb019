package io.configcicd.core.validate.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.IPv6Format;
import com.networknt.schema.format.IriFormat;
import com.networknt.schema.format.IriReferenceFormat;
import com.networknt.schema.format.RegexFormat;
import com.networknt.schema.format.UriFormat;
import com.networknt.schema.format.UriReferenceFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code format} checks of networknt that the official JSON-Schema-Test-Suite ({@code optional/format}) shows to
 * be wrong, replaced in every draft's dialect ({@link SchemaSet#registry}); every other format is networknt's own.
 *
 * <ul>
 *   <li>{@code duration}: the grammar of RFC 3339 appendix A ({@code P1Y2D} and {@code PT1H2S} skip a unit and are
 *       not durations; no signs, fractions or lower case);</li>
 *   <li>{@code hostname} and {@code idn-hostname}: see {@link Hostnames};</li>
 *   <li>{@code uri}, {@code uri-reference}, {@code iri}, {@code iri-reference}: an authority has at most one
 *       {@code @}, a port of digits only, and an IP literal that is an IPv6 address (without leading zeros in an
 *       embedded IPv4 part) or an IPvFuture;</li>
 *   <li>{@code uri-template}: no space in a literal (RFC 6570 2.1);</li>
 *   <li>{@code regex}: no Perl/Python-only groups that ECMA-262 does not have ({@code (?#comment)}, {@code (?i)}).</li>
 * </ul>
 */
final class FormatChecks {

    private static final String N = "[0-9]+";
    private static final String DURATION_TIME = "T(?:" + N + "H(?:" + N + "M(?:" + N + "S)?)?|" + N + "M(?:" + N + "S)?|" + N + "S)";
    private static final String DURATION_DATE = "(?:" + N + "D|" + N + "M(?:" + N + "D)?|" + N + "Y(?:" + N + "M(?:" + N + "D)?)?)";
    private static final Pattern DURATION = Pattern.compile("P(?:" + DURATION_DATE + "(?:" + DURATION_TIME + ")?|"
            + DURATION_TIME + "|" + N + "W)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern PORT = Pattern.compile("(?::[0-9]*)?");
    private static final Pattern IP_FUTURE = Pattern.compile("[vV][0-9A-Fa-f]+\\.[A-Za-z0-9._~!$&'()*+,;=:-]+");
    private static final Pattern NOT_ECMA_GROUP = Pattern.compile("\\(\\?(?:#|[a-zA-Z]+\\))");
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final String VARCHAR = "(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})";
    private static final String VARSPEC = VARCHAR + "(?:\\.?" + VARCHAR + ")*(?::[1-9][0-9]{0,3}|\\*)?";
    private static final Pattern TEMPLATE_EXPRESSION = Pattern.compile("[+#./;?&=,!@|]?" + VARSPEC + "(?:," + VARSPEC + ")*");

    private FormatChecks() {
    }

    /** The corrected formats, each replacing networknt's format of the same name. */
    static List<Format> corrections() {
        Format regex = new RegexFormat();
        return List.of(
                check("duration", v -> DURATION.matcher(v).matches()),
                check("hostname", Hostnames::hostname),
                check("idn-hostname", Hostnames::idnHostname),
                withAuthority(new UriFormat()),
                withAuthority(new UriReferenceFormat()),
                withAuthority(new IriFormat()),
                withAuthority(new IriReferenceFormat()),
                check("uri-template", FormatChecks::uriTemplate),
                new Checked("regex", (ec, sc, v) -> regex.matches(ec, sc, v) && ecmaGroups(v)));
    }

    /** A format judged by a predicate of the whole string. */
    private static Format check(String name, java.util.function.Predicate<String> test) {
        return new Checked(name, (ec, sc, v) -> test.test(v));
    }

    /** networknt's URI or IRI check, and the authority's checks first. */
    private static Format withAuthority(Format format) {
        return new Checked(format.getName(), (ec, sc, v) -> authorityValid(v) && format.matches(ec, sc, v));
    }

    /** The test of one format. */
    @FunctionalInterface
    private interface Test {
        boolean test(ExecutionContext executionContext, SchemaContext schemaContext, String value);
    }

    /** A named format whose message key is networknt's {@code format.<name>}. */
    private record Checked(String name, Test test) implements Format {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getMessageKey() {
            return "format." + name;
        }

        @Override
        public boolean matches(ExecutionContext executionContext, SchemaContext schemaContext, String value) {
            return test.test(executionContext, schemaContext, value);
        }
    }

    /** The authority of a URI or IRI (or network-path reference), when it has one, checked; true without one. */
    static boolean authorityValid(String value) {
        var scheme = SCHEME.matcher(value);
        int start = scheme.find() ? scheme.end() : 0;
        if (!value.startsWith("//", start)) {
            return true;
        }
        int end = start + 2;
        while (end < value.length() && "/?#".indexOf(value.charAt(end)) < 0) {
            end++;
        }
        String authority = value.substring(start + 2, end);
        int at = authority.indexOf('@');
        if (at >= 0 && authority.indexOf('@', at + 1) >= 0) {
            return false;
        }
        String hostPort = authority.substring(at + 1);
        String port = hostPort.indexOf(':') < 0 ? "" : hostPort.substring(hostPort.indexOf(':'));
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || !ipLiteral(hostPort.substring(1, close))) {
                return false;
            }
            port = hostPort.substring(close + 1);
        }
        return PORT.matcher(port).matches();
    }

    private static boolean ipLiteral(String literal) {
        return IP_FUTURE.matcher(literal).matches()
                || literal.indexOf('%') < 0 && IPv6Format.PATTERN.matcher(literal).matches();
    }

    /**
     * RFC 6570 2.1: literals are any character but controls, space and {@code "<>\^`{|}}, or percent-encodings (the
     * apostrophe is allowed, as the suite and the RFC's errata have it); expressions are variable lists.
     */
    static boolean uriTemplate(String value) {
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '{') {
                int close = value.indexOf('}', i);
                if (close < 0 || !TEMPLATE_EXPRESSION.matcher(value).region(i + 1, close).matches()) {
                    return false;
                }
                i = close + 1;
            } else if (c == '%') {
                if (!PERCENT_ENCODED.matcher(value).region(i, value.length()).lookingAt()) {
                    return false;
                }
                i += 3;
            } else if (c <= ' ' || c == 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0) {
                return false;
            } else {
                i++;
            }
        }
        return true;
    }

    /** Whether a regular expression has no {@code (?#...)} comment and no {@code (?flags)} group outside a class. */
    static boolean ecmaGroups(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '(' && !inClass && NOT_ECMA_GROUP.matcher(regex).region(i, regex.length()).lookingAt()) {
                return false;
            }
        }
        return true;
    }
}
