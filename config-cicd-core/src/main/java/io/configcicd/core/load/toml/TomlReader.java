package io.configcicd.core.load.toml;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.Origin;
import java.util.Arrays;

/**
 * The character cursor shared by the TOML parser classes: position, line and column lookup, whitespace,
 * comments, line ends and errors that name file:line:column.
 */
final class TomlReader {

    final String text;
    final String file;
    final LoadLimits limits;
    int pos;
    private final int[] lineStarts;

    TomlReader(String text, String file, LoadLimits limits) {
        this.text = text;
        this.file = file;
        this.limits = limits;
        this.lineStarts = lineStarts(text);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    boolean eof() {
        return pos >= text.length();
    }

    /** The character at the cursor, or -1 at the end. */
    int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    int peek(int offset) {
        int i = pos + offset;
        return i < text.length() ? text.charAt(i) : -1;
    }

    boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }

    /** The 1-based line and column of a character offset (columns count code points). */
    Origin origin(int offset) {
        int idx = Arrays.binarySearch(lineStarts, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        int start = lineStarts[line];
        int end = Math.min(offset, text.length());
        return Origin.of(file, line + 1, text.codePointCount(start, Math.max(start, end)) + 1);
    }

    Origin here() {
        return origin(pos);
    }

    ConfigParseException fail(int offset, String problem, String hint) {
        return new ConfigParseException(origin(offset), problem, hint);
    }

    ConfigParseException fail(String problem, String hint) {
        return fail(pos, problem, hint);
    }

    /** Skips spaces and tabs. */
    void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** True when the cursor is at LF or CRLF; a bare CR is an error. */
    boolean atNewline() {
        int c = peek();
        if (c == '\n') {
            return true;
        }
        if (c == '\r') {
            if (peek(1) == '\n') {
                return true;
            }
            throw fail("carriage return without line feed", "use LF or CRLF line endings");
        }
        return false;
    }

    /** Consumes LF or CRLF at the cursor (the caller checked {@link #atNewline()}). */
    void consumeNewline() {
        pos += text.charAt(pos) == '\r' ? 2 : 1;
    }

    /** Skips a comment starting at '#' up to (not including) the line end, rejecting control characters. */
    void skipComment() {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n' || (c == '\r' && peek(1) == '\n')) {
                return;
            }
            if (isControl(c)) {
                throw fail("control character " + describe(c) + " in a comment", "remove the character");
            }
            pos++;
        }
    }

    /** After a value or header: blanks, an optional comment, then a line end or the end of the file. */
    void expectLineEnd(String after) {
        skipBlanks();
        if (peek() == '#') {
            skipComment();
        }
        if (eof()) {
            return;
        }
        if (!atNewline()) {
            throw fail("expected the end of the line after " + after + ", found " + describe(text.charAt(pos)),
                    "put each key/value pair and each [table] header on its own line");
        }
        consumeNewline();
    }

    /** Skips blanks, comments and newlines (inside arrays). */
    void skipBlanksCommentsNewlines() {
        while (true) {
            skipBlanks();
            if (peek() == '#') {
                skipComment();
            }
            if (eof() || !atNewline()) {
                return;
            }
            consumeNewline();
        }
    }

    /** Control characters that TOML forbids in strings and comments (tab is allowed). */
    static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7F;
    }

    static String describe(int c) {
        if (c < 0) {
            return "end of file";
        }
        if (c < 0x20 || c == 0x7F) {
            return String.format("U+%04X", c);
        }
        return "'" + (char) c + "'";
    }

    static boolean isBareKeyChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
