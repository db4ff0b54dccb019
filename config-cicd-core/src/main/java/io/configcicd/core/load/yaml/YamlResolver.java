package io.configcicd.core.load.yaml;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.FloatLiterals;
import io.configcicd.core.load.JacksonTreeReader;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.ParseMessages;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Scalars under the YAML 1.2 core schema: a plain scalar is a null, boolean, integer (decimal, 0x, 0o), float
 * (with .inf and .nan) or string; a quoted or block scalar is a string; the core tags (!!str, !!int, !!float,
 * !!bool, !!null) convert, every other tag is rejected.
 */
final class YamlResolver {

    static final String CORE_TAG = "tag:yaml.org,2002:";
    static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private final LoadLimits limits;

    YamlResolver(LoadLimits limits) {
        this.limits = limits;
    }

    /** Whether a plain scalar with this text is read as something other than a string under the core schema. */
    static boolean resolvesToNonString(String text) {
        return text.isEmpty() || mayResolve(text.charAt(0)) && (NULL.matcher(text).matches()
                || BOOL.matcher(text).matches() || INT.matcher(text).matches() || FLOAT.matcher(text).matches());
    }

    /** A plain scalar resolved by the YAML 1.2 core schema. */
    ConfigNode plain(String text, Origin origin) {
        if (text.isEmpty()) {
            return ConfigScalar.nullValue(origin);
        }
        char first = text.charAt(0);
        if (!mayResolve(first)) {
            return string(text, origin); // most plain scalars are words: no pattern needs to look at them
        }
        if (isDigits(text)) {
            checkNumber(text, origin);
            return text.length() < 19 ? ConfigScalar.integer(Long.parseLong(text), origin)
                    : ConfigScalar.integer(new BigInteger(text), origin);
        }
        if (NULL.matcher(text).matches()) {
            return ConfigScalar.nullValue(origin);
        }
        if (BOOL.matcher(text).matches()) {
            return ConfigScalar.bool(first == 't' || first == 'T', origin);
        }
        if (INT.matcher(text).matches()) {
            return integer(text, origin, CORE_TAG + "int");
        }
        if (FLOAT.matcher(text).matches()) {
            return floating(text, origin, CORE_TAG + "float");
        }
        return string(text, origin);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether a plain scalar starting with this character can be a null, boolean or number of the core schema. */
    private static boolean mayResolve(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == '~'
                || c == 'n' || c == 'N' || c == 't' || c == 'T' || c == 'f' || c == 'F';
    }

    /** A scalar with a tag: a core tag converts the text, every other tag is rejected. */
    ConfigNode tagged(String tag, String text, Origin origin) {
        if (tag.equals("!")) {
            return string(text, origin);
        }
        if (!tag.startsWith(CORE_TAG)) {
            throw unsupportedTag(tag, origin);
        }
        String name = tag.substring(CORE_TAG.length());
        return switch (name) {
            case "str" -> string(text, origin);
            case "int" -> integer(text, origin, tag);
            case "float" -> floating(text, origin, tag);
            case "bool" -> expect(BOOL, text, origin, tag, ConfigScalar.bool(text.startsWith("t")
                    || text.startsWith("T"), origin));
            case "null" -> expect(NULL, text, origin, tag, ConfigScalar.nullValue(origin));
            case "map", "seq" -> throw new ConfigParseException(origin, "tag '" + displayTag(tag)
                    + "' on a plain value", "remove the tag");
            default -> throw unsupportedTag(tag, origin);
        };
    }

    /** Checks the tag of a mapping ({@code map}) or sequence ({@code seq}). */
    void checkCollectionTag(String tag, String expected, String what, Origin origin) {
        if (tag == null || tag.equals("!") || tag.equals(CORE_TAG + expected)) {
            return;
        }
        if (tag.startsWith(CORE_TAG) && isCoreName(tag.substring(CORE_TAG.length()))) {
            throw new ConfigParseException(origin, "tag '" + displayTag(tag) + "' on " + what,
                    "remove the tag or write a value of that type");
        }
        throw unsupportedTag(tag, origin);
    }

    ConfigNode string(String text, Origin origin) {
        checkString(text, origin);
        return ConfigScalar.string(text, origin);
    }

    void checkString(String text, Origin origin) {
        if (text.length() > limits.maxStringLength()) {
            throw JacksonTreeReader.stringError(origin, limits);
        }
    }

    private ConfigNode integer(String text, Origin origin, String tag) {
        checkNumber(text, origin);
        expect(INT, text, origin, tag, null);
        String t = text.startsWith("+") ? text.substring(1) : text;
        BigInteger value;
        if (t.startsWith("0x")) {
            value = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            value = new BigInteger(t.substring(2), 8);
        } else {
            value = new BigInteger(t);
        }
        return ConfigScalar.integer(value, origin);
    }

    private ConfigNode floating(String text, Origin origin, String tag) {
        checkNumber(text, origin);
        expect(FLOAT, text, origin, tag, null);
        String t = text.toLowerCase(Locale.ROOT);
        if (t.endsWith(".nan") || t.endsWith(".inf")) {
            return ConfigScalar.floating(t.endsWith(".nan") ? Double.NaN
                    : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, origin);
        }
        return ConfigScalar.floating(FloatLiterals.checked(text, Double.parseDouble(text), origin), origin);
    }

    private void checkNumber(String text, Origin origin) {
        if (text.length() > limits.maxNumberLength()) {
            throw JacksonTreeReader.numberError(origin, limits);
        }
    }

    /** The value, or an error saying what the tag expects; the text is not quoted, it may be a secret. */
    private static ConfigNode expect(Pattern p, String text, Origin origin, String tag, ConfigNode result) {
        if (!p.matcher(text).matches()) {
            throw new ConfigParseException(origin, "expected " + expected(tag) + " for the tag " + displayTag(tag)
                    + ", found other text", "write a value of that type or remove the tag");
        }
        return result;
    }

    private static String expected(String tag) {
        return switch (tag.substring(CORE_TAG.length())) {
            case "int" -> "an integer such as 42, -7, 0x2A or 0o52";
            case "float" -> "a number such as 1.5, -2e3, .inf or .nan";
            case "bool" -> "true or false";
            default -> "null, ~ or nothing";
        };
    }

    private static boolean isCoreName(String name) {
        return switch (name) {
            case "str", "int", "float", "bool", "null", "map", "seq" -> true;
            default -> false;
        };
    }

    /** How a tag reads in a message: {@code !!int} for the YAML tags, the tag as written otherwise. */
    static String displayTag(String tag) {
        return tag.startsWith(CORE_TAG) ? "!!" + tag.substring(CORE_TAG.length()) : tag;
    }

    private static ConfigParseException unsupportedTag(String tag, Origin origin) {
        return new ConfigParseException(origin, "tag " + ParseMessages.quote(displayTag(tag)) + " is not supported",
                "remove the tag, or quote the value if it is text that starts with '!': configuration files hold "
                        + "plain values; only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are allowed");
    }
}
