package io.configcicd.core.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's JSON syntax errors in the product's words. Jackson's own text never reaches the user: it quotes the
 * token it could not read (which may be a secret's value, and which no masker has seen yet) and speaks of parser
 * features. Each known error becomes what was expected and the one character found instead; anything else
 * becomes a general message. The position is the caller's.
 */
final class JacksonMessages {

    private static final String VALUE = "a \"string\", a number, true, false, null, a [list] or a {mapping}";
    private static final Pattern CODE = Pattern.compile("\\bcode (\\d+)");
    private static final Pattern MARKER = Pattern.compile("marker '(.)'");

    private JacksonMessages() {
    }

    /** What went wrong, in our words, for a Jackson message (its first line is enough). */
    static String problem(String jacksonMessage) {
        String m = jacksonMessage == null ? "" : jacksonMessage;
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        String found = found(m);
        if (m.startsWith("Unexpected end-of-input")) {
            return endOfInput(m);
        }
        if (m.contains("in numeric value") || m.startsWith("Invalid numeric value")) {
            return number(m) + found;
        }
        return structure(m, found);
    }

    private static String endOfInput(String m) {
        if (m.contains("closing quote")) {
            return "expected the closing '\"' of a string, found the end of the file";
        }
        if (m.contains("Array")) {
            return "expected ']' to close a list, found the end of the file";
        }
        if (m.contains("Object")) {
            return "expected '}' to close a mapping, found the end of the file";
        }
        if (m.contains("property name")) {
            return "expected the closing '\"' of a key, found the end of the file";
        }
        if (m.contains("escape")) {
            return "expected the rest of an escape sequence, found the end of the file";
        }
        return "expected the rest of the value, found the end of the file";
    }

    private static String number(String m) {
        if (m.contains("Exponent indicator")) {
            return "expected digits after the exponent (e or E) of a number";
        }
        if (m.contains("Decimal point")) {
            return "expected digits after the decimal point of a number";
        }
        if (m.contains("minus sign")) {
            return "expected digits after '-'";
        }
        if (m.contains("more than one decimal point")) {
            return "expected one decimal point at most in a number";
        }
        if (m.contains("Leading zeroes")) {
            return "expected a number without leading zeros";
        }
        if (m.contains("plus sign")) {
            return "expected a number without a leading '+'";
        }
        return "expected a number";
    }

    private static String structure(String m, String found) {
        if (m.startsWith("Unrecognized token")) {
            return "expected " + VALUE + ", found a word that is not true, false or null (text needs double quotes)";
        }
        if (m.startsWith("Non-standard token")) {
            return "expected a JSON number, found NaN or Infinity, which JSON does not have";
        }
        if (m.contains("hexadecimal number")) {
            return "expected a decimal number: JSON has no hexadecimal numbers";
        }
        if (m.contains("plus sign")) {
            return "expected a number without a leading '+'";
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "expected an escape that JSON has (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)" + found;
        }
        if (m.contains("hex-digit")) {
            return "expected four hexadecimal digits after \\u" + found;
        }
        if (m.contains("surrogate")) {
            return "expected a \\u escape to complete a surrogate pair";
        }
        if (m.contains("has to be escaped")) {
            return "expected an escape (such as \\n or \\t) for a control character inside a string" + found;
        }
        if (m.contains("only regular white space")) {
            return "expected spaces, tabs or line breaks between values" + found;
        }
        return separators(m, found);
    }

    private static String separators(String m, String found) {
        if (m.contains("double-quote to start property name")) {
            return "expected a key in double quotes" + found;
        }
        if (m.contains("colon to separate")) {
            return "expected ':' after a key" + found;
        }
        if (m.contains("separate Array entries")) {
            return "expected ',' or ']' after a list item" + found;
        }
        if (m.contains("separate Object entries")) {
            return "expected ',' or '}' after a key and its value" + found;
        }
        if (m.contains("comment")) {
            return "expected " + VALUE + found + ": JSON has no comments";
        }
        if (m.startsWith("Unexpected close marker")) {
            return "expected a value or the bracket that closes the open list or mapping" + found;
        }
        if (m.contains("root-level values")) {
            return "expected the end of the file after the document's value" + found;
        }
        if (m.contains("expected a valid value")) {
            return "expected " + VALUE + found;
        }
        return "expected valid JSON at this position" + found;
    }

    /** {@code , found 'x'} for the one character the message names, or nothing when it names none. */
    private static String found(String m) {
        Matcher marker = MARKER.matcher(m);
        if (marker.find()) {
            return ", found " + ParseMessages.character(marker.group(1).charAt(0));
        }
        Matcher code = CODE.matcher(m);
        if (code.find()) {
            try {
                return ", found " + ParseMessages.character(Integer.parseInt(code.group(1)));
            } catch (NumberFormatException e) {
                return "";
            }
        }
        return "";
    }
}
