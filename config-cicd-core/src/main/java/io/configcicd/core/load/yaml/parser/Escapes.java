package io.configcicd.core.load.yaml.parser;

/** The escape sequences of double-quoted scalars. */
final class Escapes {

    private Escapes() {
    }

    /** Decodes the escape at p (a backslash) into sb; returns the offset after it. */
    static int decode(Cursor c, int p, StringBuilder sb) {
        char e = c.at(p + 1);
        int hex = 0;
        switch (e) {
            case '0' -> sb.append('\0');
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 't', '\t' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'v' -> sb.append('\u000B');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case 'e' -> sb.append('\u001B');
            case ' ' -> sb.append(' ');
            case '"' -> sb.append('"');
            case '/' -> sb.append('/');
            case '\\' -> sb.append('\\');
            case 'N' -> sb.append('\u0085');
            case '_' -> sb.append('\u00A0');
            case 'L' -> sb.append('\u2028');
            case 'P' -> sb.append('\u2029');
            case 'x' -> hex = 2;
            case 'u' -> hex = 4;
            case 'U' -> hex = 8;
            default -> throw c.errorAt(p, "expected an escape that YAML has (such as \\n, \\t or \\u00E9), found "
                    + (e == Cursor.EOF ? "the end of the file" : "'\\" + e + "'"));
        }
        if (hex == 0) {
            return p + 2;
        }
        int code = 0;
        for (int i = 0; i < hex; i++) {
            int d = Character.digit(c.at(p + 2 + i), 16);
            if (d < 0) {
                throw c.errorAt(p, "the escape '\\" + e + "' needs " + hex + " hexadecimal digits");
            }
            code = code << 4 | d;
        }
        if (!Character.isValidCodePoint(code)) {
            throw c.errorAt(p, "the escape '\\" + e + "' is not a valid character");
        }
        sb.appendCodePoint(code);
        return p + 2 + hex;
    }
}
