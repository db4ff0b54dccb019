package io.configcicd.core.load.yaml;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a string can be written as a plain YAML scalar, and how it is written double-quoted. The one set of
 * rules behind every YAML the product writes (new documents and in-place edits), so a string always
 * reads back as the same string, under YAML 1.2 and under YAML 1.1 readers alike.
 */
public final class YamlScalars {

    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final Set<String> WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
            ".inf", "-.inf", "+.inf", ".nan");
    private static final Pattern NUMBER_LIKE = Pattern.compile(
            "[-+]?(0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9][0-9_]*([eE][-+]?[0-9]+)?"
                    + "|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)");
    private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

    private YamlScalars() {
    }

    /** The string as a plain scalar when that reads back as the same string, double-quoted otherwise. */
    public static String string(String s, boolean flow) {
        return needsQuotes(s, flow) ? doubleQuoted(s) : s;
    }

    /** Whether a string must be quoted; {@code flow} when it sits inside a flow collection. */
    public static boolean needsQuotes(String s, boolean flow) {
        if (s.isEmpty() || !s.strip().equals(s) || YamlResolver.resolvesToNonString(s)
                || WORDS.contains(s.toLowerCase(Locale.ROOT)) || NUMBER_LIKE.matcher(s).matches()
                || DATE_LIKE.matcher(s).matches()) {
            return true;
        }
        char first = s.charAt(0);
        if (INDICATORS.indexOf(first) >= 0 || first == '+' || first == '.'
                || s.endsWith(":")) {
            return true;
        }
        if (s.contains(": ") || s.contains(" #") || s.indexOf('\t') >= 0) {
            return true;
        }
        if (flow && s.chars().anyMatch(ch -> ",[]{}".indexOf(ch) >= 0)) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (mustEscape(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** A double-quoted scalar with YAML's escapes. */
    public static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (mustEscape(s, i)) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Whether the character at i is outside YAML's printable set (or a lone surrogate, or a line separator). */
    public static boolean mustEscape(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028
                || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
