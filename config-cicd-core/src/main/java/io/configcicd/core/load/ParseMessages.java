package io.configcicd.core.load;

/**
 * Words shared by the loaders' error messages. A message about a file names file:line:column and says what was
 * expected; it quotes at most one character of the file or a short piece of markup ({@link #quote}), never the
 * text of a value: a broken value may be the only copy of a secret, and nothing has masked it yet.
 */
public final class ParseMessages {

    /** The longest text of a file that a message quotes. */
    public static final int MAX_QUOTED = 8;

    private ParseMessages() {
    }

    /** How one character reads in a message: {@code 'x'}, {@code U+0009} for a control or invisible one. */
    public static String character(int c) {
        if (c < 0) {
            return "the end of the file";
        }
        if (!Character.isValidCodePoint(c) || Character.isSurrogate((char) c) && c <= 0xFFFF
                || c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || Character.isWhitespace(c)
                || Character.getType(c) == Character.FORMAT) {
            return String.format("U+%04X", c);
        }
        return "'" + new String(Character.toChars(c)) + "'";
    }

    /**
     * A piece of the file that is not a value but may have been meant as one (an alias, a tag, a directive's
     * argument: {@code password: *Xy9secret} reads as an alias): {@code 'text'} when it is at most
     * {@link #MAX_QUOTED} printable characters, {@code (N characters, not shown)} otherwise.
     */
    public static String quote(String text) {
        if (text.length() <= MAX_QUOTED && text.codePoints().allMatch(c -> c > 0x20 && c != 0x7F)) {
            return "'" + text + "'";
        }
        return "(" + text.length() + " characters, not shown)";
    }
}
