package io.configcicd.core.load.yaml.parser;

import io.configcicd.core.load.ParseMessages;

/**
 * The scanner's position in the text: a char array with line breaks normalized to '\n', the offset, the line and
 * where it starts, and the character tests and skips every part of the parser shares. {@link #EOF} stands for the
 * end of the text.
 */
final class Cursor {

    static final char EOF = '\0';

    final char[] s;
    final int end;
    int pos;
    int line = 1;
    int lineStart;
    /** Set by {@link #skipToContent}: whether tabs stand between the indentation and the content of the line. */
    boolean tabAfterIndent;

    Cursor(String text) {
        String t = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        this.s = t.toCharArray();
        this.end = s.length;
        for (int i = 0; i < end; i++) {
            if (s[i] == EOF) {
                pos = i;
                syncLine();
                throw error("a NUL character is not allowed in YAML");
            }
        }
        if (end > 0 && s[0] == '\uFEFF') {
            pos = 1;
            lineStart = 1;
        }
    }

    char at(int i) {
        return i < end ? s[i] : EOF;
    }

    char cur() {
        return pos < end ? s[pos] : EOF;
    }

    char peek(int ahead) {
        return at(pos + ahead);
    }

    int column() {
        return pos - lineStart + 1;
    }

    static boolean ws(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean blankOrEnd(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == EOF;
    }

    static boolean flowIndicator(char c) {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    static boolean indicator(char c) {
        return "-?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0;
    }

    /** Whether the character after position i ends a token: white space, a line end or, in flow, an indicator. */
    boolean blankAfter(int i, boolean flow) {
        char c = at(i + 1);
        return blankOrEnd(c) || flow && flowIndicator(c);
    }

    /** Consumes the line break at pos. */
    void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    /** Recomputes line and lineStart for pos (after a jump backwards or forwards). */
    void syncLine() {
        int l = 1;
        int start = 0;
        for (int i = 0; i < pos && i < end; i++) {
            if (s[i] == '\n') {
                l++;
                start = i + 1;
            }
        }
        line = l;
        lineStart = start;
    }

    YamlSyntaxException error(String message) {
        return new YamlSyntaxException(message, line, pos - lineStart + 1);
    }

    /** An error at an earlier position on the current line or on an earlier one. */
    YamlSyntaxException errorAt(int p, String message) {
        if (p >= lineStart) {
            return new YamlSyntaxException(message, line, p - lineStart + 1);
        }
        int l = line;
        int start = lineStart;
        while (start > 0 && p < start) {
            int prev = start - 1;
            while (prev > 0 && s[prev - 1] != '\n') {
                prev--;
            }
            start = prev;
            l--;
        }
        return new YamlSyntaxException(message, l, p - start + 1);
    }

    /** Skips spaces and tabs; whether any were skipped. */
    boolean skipSpace() {
        int p = pos;
        while (p < end && (s[p] == ' ' || s[p] == '\t')) {
            p++;
        }
        boolean any = p != pos;
        pos = p;
        return any;
    }

    /** Skips a comment that starts at pos, up to (not over) the line break. */
    void skipComment() {
        while (pos < end && s[pos] != '\n') {
            pos++;
        }
    }

    /**
     * Ends the current line: only white space and a comment may follow the content; consumes the line break.
     */
    void endLine() {
        skipSpace();
        char c = cur();
        if (c == '#') {
            if (pos != lineStart && !ws(s[pos - 1])) {
                throw error("a comment must be separated from the content before it by a space");
            }
            skipComment();
            c = cur();
        }
        if (c == '\n') {
            newline();
        } else if (c != EOF) {
            throw error("expected the end of the line (or a comment) after the value, found "
                    + ParseMessages.character(c));
        }
    }

    /** Whether the rest of the line after pos is only white space and maybe a comment (pos is unchanged). */
    boolean restIsBlank() {
        int p = pos;
        while (p < end && (s[p] == ' ' || s[p] == '\t')) {
            p++;
        }
        char c = at(p);
        return c == '\n' || c == EOF || c == '#' && (p == lineStart || ws(s[p - 1]));
    }

    /**
     * From the start of a line, skips empty and comment lines. Leaves pos at the first non-blank character of the
     * next line with content and returns its indentation (leading spaces), or -1 at the end of the text or at a
     * document marker (which leaves pos at the marker).
     */
    int skipToContent() {
        if (pos > lineStart && pos <= end) {
            int i = lineStart;
            while (i < pos && (s[i] == ' ' || s[i] == '\t')) {
                i++;
            }
            if (i == pos) {
                pos = lineStart;
            }
        }
        while (true) {
            int p = pos;
            while (p < end && s[p] == ' ') {
                p++;
            }
            int indent = p - lineStart;
            int q = p;
            while (q < end && (s[q] == ' ' || s[q] == '\t')) {
                q++;
            }
            char c = at(q);
            pos = q;
            if (c == '#') {
                skipComment();
                c = cur();
            }
            if (c == '\n') {
                newline();
                continue;
            }
            if (c == EOF) {
                return -1;
            }
            tabAfterIndent = q != p;
            if (p == lineStart && atMarker(p)) {
                pos = p;
                return -1;
            }
            return indent;
        }
    }

    /** Whether a document marker ({@code ---} or {@code ...}) starts at p, which starts a line. */
    boolean atMarker(int p) {
        char c = at(p);
        return (c == '-' || c == '.') && at(p + 1) == c && at(p + 2) == c && blankOrEnd(at(p + 3));
    }

    /** Whether pos is at the start of a line that is a document marker. */
    boolean atMarker() {
        return pos == lineStart && atMarker(pos);
    }
}
