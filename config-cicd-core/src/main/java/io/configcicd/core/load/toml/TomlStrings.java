package io.configcicd.core.load.toml;

import io.configcicd.core.load.LoadLimits;

/** The four TOML string forms: basic, literal, multi-line basic and multi-line literal, with all escapes. */
final class TomlStrings {

    private TomlStrings() {
    }

    /** Parses the string at the cursor (which is at a quote), for values; multi-line forms allowed. */
    static String parseValue(TomlReader r) {
        if (r.startsWith("\"\"\"")) {
            return multiLine(r, '"');
        }
        if (r.startsWith("'''")) {
            return multiLine(r, '\'');
        }
        return singleLine(r);
    }

    /** Parses a one-line basic or literal string at the cursor (keys and values). */
    static String singleLine(TomlReader r) {
        int start = r.pos;
        char quote = r.text.charAt(r.pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (r.eof()) {
                throw r.fail(start, "expected the closing " + quote + " of a string, found the end of the file",
                        "add the closing " + quote);
            }
            char c = r.text.charAt(r.pos);
            if (c == quote) {
                r.pos++;
                return checkLength(r, start, sb);
            }
            if (c == '\n' || c == '\r') {
                throw r.fail("expected the closing quote of a one-line string, found the end of the line",
                        "close the string on the same line or use a multi-line string (\"\"\" or ''')");
            }
            if (c == '\\' && quote == '"') {
                escape(r, sb);
            } else {
                plainChar(r, c, sb);
            }
        }
    }

    private static String multiLine(TomlReader r, char quote) {
        int start = r.pos;
        r.pos += 3;
        if (r.peek() == '\n') {
            r.pos++;
        } else if (r.peek() == '\r' && r.peek(1) == '\n') {
            r.pos += 2;
        }
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (r.eof()) {
                throw r.fail(start, "expected the closing " + String.valueOf(quote).repeat(3)
                        + " of a multi-line string, found the end of the file",
                        "add the closing " + String.valueOf(quote).repeat(3));
            }
            char c = r.text.charAt(r.pos);
            if (c == quote && r.peek(1) == quote && r.peek(2) == quote) {
                int n = 3;
                while (r.peek(n) == quote) {
                    n++;
                }
                if (n > 5) {
                    throw r.fail("too many quotes closing a multi-line string", "escape the quotes inside the string");
                }
                sb.append(String.valueOf(quote).repeat(n - 3));
                r.pos += n;
                return checkLength(r, start, sb);
            }
            if (c == '\n') {
                sb.append('\n');
                r.pos++;
            } else if (c == '\r') {
                if (r.peek(1) != '\n') {
                    throw r.fail("carriage return without line feed in a string", "use LF or CRLF line endings");
                }
                sb.append("\r\n");
                r.pos += 2;
            } else if (c == '\\' && quote == '"') {
                if (!lineEndingBackslash(r)) {
                    escape(r, sb);
                }
            } else {
                plainChar(r, c, sb);
            }
        }
    }

    /** A backslash followed by blanks and a line end trims all whitespace up to the next visible character. */
    private static boolean lineEndingBackslash(TomlReader r) {
        int i = r.pos + 1;
        String t = r.text;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        boolean newline = i < t.length() && (t.charAt(i) == '\n' || (t.charAt(i) == '\r' && i + 1 < t.length()
                && t.charAt(i + 1) == '\n'));
        if (!newline) {
            return false;
        }
        r.pos = i;
        while (!r.eof()) {
            char c = t.charAt(r.pos);
            if (c == ' ' || c == '\t' || c == '\n') {
                r.pos++;
            } else if (c == '\r' && r.peek(1) == '\n') {
                r.pos += 2;
            } else {
                break;
            }
        }
        return true;
    }

    private static void plainChar(TomlReader r, char c, StringBuilder sb) {
        if (TomlReader.isControl(c)) {
            throw r.fail("control character " + TomlReader.describe(c) + " in a string",
                    "write it as an escape such as \\u" + String.format("%04X", (int) c) + " in a \"basic\" string");
        }
        sb.append(c);
        r.pos++;
    }

    private static void escape(TomlReader r, StringBuilder sb) {
        int at = r.pos;
        int e = r.peek(1);
        r.pos += 2;
        switch (e) {
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'u' -> unicode(r, at, 4, sb);
            case 'U' -> unicode(r, at, 8, sb);
            default -> throw r.fail(at, "expected an escape that TOML has, found "
                    + (e < 0 ? "the end of the file" : "\\" + Character.toString(e)),
                    "use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX, or a 'literal' string");
        }
    }

    private static void unicode(TomlReader r, int at, int digits, StringBuilder sb) {
        if (r.pos + digits > r.text.length()) {
            throw r.fail(at, "expected " + digits + " hexadecimal digits in a unicode escape",
                    "write exactly " + digits + " hex digits");
        }
        long cp = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(r.text.charAt(r.pos + i), 16);
            if (d < 0) {
                throw r.fail(at, "expected " + digits + " hexadecimal digits in a unicode escape",
                        "write exactly " + digits + " hex digits");
            }
            cp = cp * 16 + d;
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw r.fail(at, "expected an escape of a Unicode scalar value, found one beyond 10FFFF or a surrogate",
                    "use a code point up to 10FFFF outside the surrogate range D800-DFFF");
        }
        sb.appendCodePoint((int) cp);
        r.pos += digits;
    }

    private static String checkLength(TomlReader r, int start, StringBuilder sb) {
        if (sb.length() > r.limits.maxStringLength()) {
            throw r.fail(start, "string of " + sb.length() + " characters is longer than the limit of "
                    + r.limits.maxStringLength(),
                    "shorten the value or " + LoadLimits.raise(LoadLimits.MAX_STRING_LENGTH));
        }
        return sb.toString();
    }
}
