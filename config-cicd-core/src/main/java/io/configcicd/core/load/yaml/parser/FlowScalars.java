package io.configcicd.core.load.yaml.parser;

/**
 * Plain, single-quoted and double-quoted scalars: their extent, escapes and line folding. A scalar on one line
 * without escapes is a substring of the text; only folded or escaped scalars go through a builder.
 */
final class FlowScalars {

    private final Cursor c;
    private final StringBuilder sb = new StringBuilder();

    FlowScalars(Cursor c) {
        this.c = c;
    }

    /** Whether a plain scalar can start at p: not an indicator, or '-', '?', ':' followed by a safe character. */
    boolean plainFirst(int p, boolean flow) {
        char ch = c.at(p);
        if (Cursor.blankOrEnd(ch)) {
            return false;
        }
        if (!Cursor.indicator(ch)) {
            return true;
        }
        return (ch == '-' || ch == '?' || ch == ':') && !c.blankAfter(p, flow);
    }

    /** The end of the plain text on the line that starts at p: after its last non-blank character. */
    int plainLineEnd(int p, boolean flow) {
        char[] s = c.s;
        int end = c.end;
        int last = p;
        int i = p;
        while (i < end) {
            char ch = s[i];
            if (ch == '\n') {
                break;
            }
            if (ch == ' ' || ch == '\t') {
                i++;
                continue;
            }
            if (ch == ':' && c.blankAfter(i, flow) || ch == '#' && i > p && Cursor.ws(s[i - 1])
                    || flow && Cursor.flowIndicator(ch)) {
                break;
            }
            last = ++i;
        }
        return last;
    }

    /**
     * A plain scalar at pos; continuation lines need an indentation of at least n. pos ends after the last content
     * character.
     */
    String plain(int n, boolean flow, boolean multiLine) {
        int start = c.pos;
        int stop = plainLineEnd(start, flow);
        c.pos = stop;
        if (!multiLine) {
            return new String(c.s, start, stop - start);
        }
        boolean folded = false;
        while (true) {
            int next = continuation(n, flow);
            if (next < 0) {
                break;
            }
            if (!folded) {
                sb.setLength(0);
                sb.append(c.s, start, stop - start);
                folded = true;
            }
            foldBreaks(next);
            int lineEnd = plainLineEnd(c.pos, flow);
            sb.append(c.s, c.pos, lineEnd - c.pos);
            stop = lineEnd;
            c.pos = lineEnd;
        }
        return folded ? sb.toString() : new String(c.s, start, stop - start);
    }

    /**
     * Where a plain scalar continues after pos: the offset of the first content character of its next line, or -1
     * when it ends on this line. pos is unchanged.
     */
    private int continuation(int n, boolean flow) {
        int p = c.pos;
        while (Cursor.ws(c.at(p))) {
            p++;
        }
        if (c.at(p) != '\n') {
            return -1;
        }
        while (c.at(p) == '\n') {
            int lineStart = ++p;
            while (c.at(p) == ' ') {
                p++;
            }
            int indent = p - lineStart;
            while (Cursor.ws(c.at(p))) {
                p++;
            }
            char ch = c.at(p);
            if (ch == '\n') {
                continue;
            }
            if (ch == Cursor.EOF || indent < n || ch == '#' || indent == 0 && c.atMarker(lineStart)
                    || !plainFirstOrChar(p, flow)) {
                return -1;
            }
        }
        return p;
    }

    private boolean plainFirstOrChar(int p, boolean flow) {
        char ch = c.at(p);
        if (ch == ':') {
            return !c.blankAfter(p, flow);
        }
        return !(flow && Cursor.flowIndicator(ch));
    }

    /**
     * Consumes the line breaks and indentation from the end of a line's content (pos, before white space) to
     * {@code next}, and appends their folding: a space for one break, a newline for each empty line otherwise.
     */
    private void foldBreaks(int next) {
        int breaks = -1;
        while (c.pos < next) {
            if (c.s[c.pos] == '\n') {
                breaks++;
                c.newline();
            } else {
                c.pos++;
            }
        }
        if (breaks == 0) {
            sb.append(' ');
        } else {
            sb.append("\n".repeat(breaks));
        }
    }

    /** A single-quoted scalar at pos; continuation lines need an indentation of at least n. */
    String singleQuoted(int n, boolean multiLine) {
        int open = c.pos;
        int start = open + 1;
        int p = start;
        char[] s = c.s;
        while (p < c.end && s[p] != '\'' && s[p] != '\n') {
            p++;
        }
        if (c.at(p) == '\'' && c.at(p + 1) != '\'') {
            c.pos = p + 1;
            return new String(s, start, p - start);
        }
        p = backOverSpace(start, p);
        while (true) {
            char ch = c.at(p);
            if (ch == '\'') {
                if (c.at(p + 1) != '\'') {
                    c.pos = p + 1;
                    return sb.toString();
                }
                sb.append('\'');
                p += 2;
            } else if (ch == ' ' || ch == '\t' || ch == '\n') {
                p = whiteSpace(p, n, multiLine, open);
            } else if (ch == Cursor.EOF) {
                throw c.errorAt(open, "expected the closing ' of this single-quoted string");
            } else {
                sb.append(ch);
                p++;
            }
        }
    }

    /** A double-quoted scalar at pos; continuation lines need an indentation of at least n. */
    String doubleQuoted(int n, boolean multiLine) {
        int open = c.pos;
        int start = open + 1;
        int p = start;
        char[] s = c.s;
        while (p < c.end && s[p] != '"' && s[p] != '\\' && s[p] != '\n') {
            p++;
        }
        if (c.at(p) == '"') {
            c.pos = p + 1;
            return new String(s, start, p - start);
        }
        p = backOverSpace(start, p);
        while (true) {
            char ch = c.at(p);
            if (ch == '"') {
                c.pos = p + 1;
                return sb.toString();
            } else if (ch == '\\') {
                if (c.at(p + 1) == '\n') {
                    p = fold(p + 1, n, multiLine, open, true);
                } else {
                    p = Escapes.decode(c, p, sb);
                }
            } else if (ch == ' ' || ch == '\t' || ch == '\n') {
                p = whiteSpace(p, n, multiLine, open);
            } else if (ch == Cursor.EOF) {
                throw c.errorAt(open, "expected the closing \" of this double-quoted string");
            } else {
                sb.append(ch);
                p++;
            }
        }
    }

    /** Starts the builder with the text from start to p less its trailing white space; returns where that ends. */
    private int backOverSpace(int start, int p) {
        int q = p;
        while (q > start && Cursor.ws(c.s[q - 1])) {
            q--;
        }
        sb.setLength(0);
        sb.append(c.s, start, q - start);
        return q;
    }

    /** White space inside a quoted scalar at p: kept inside a line, dropped with the folding before a break. */
    private int whiteSpace(int p, int n, boolean multiLine, int open) {
        int q = p;
        while (Cursor.ws(c.at(q))) {
            q++;
        }
        if (c.at(q) == '\n') {
            return fold(q, n, multiLine, open, false);
        }
        sb.append(c.s, p, q - p);
        return q;
    }

    /**
     * Folds the line break at p and the empty lines after it; returns the offset of the next content character.
     * An escaped break adds no space.
     */
    private int fold(int p, int n, boolean multiLine, int open, boolean escaped) {
        if (!multiLine) {
            throw c.errorAt(open, "a quoted key must be on one line");
        }
        int breaks = -1;
        c.pos = p;
        while (true) {
            c.newline();
            breaks++;
            int q = c.pos;
            while (c.at(q) == ' ') {
                q++;
            }
            int indent = q - c.lineStart;
            while (Cursor.ws(c.at(q))) {
                q++;
            }
            char ch = c.at(q);
            if (ch == '\n') {
                c.pos = q;
                continue;
            }
            if (ch == Cursor.EOF) {
                throw c.errorAt(open, "expected the closing quote of this quoted string");
            }
            if (indent == 0 && c.atMarker(c.lineStart)) {
                c.pos = c.lineStart;
                throw c.error("a document marker inside a quoted string");
            }
            if (indent < n) {
                c.pos = q;
                throw c.error("this line of a quoted string must be indented by at least " + n
                        + (n == 1 ? " space" : " spaces") + ", more than the key it belongs to");
            }
            c.pos = q;
            break;
        }
        if (breaks == 0 && !escaped) {
            sb.append(' ');
        } else {
            sb.append("\n".repeat(breaks));
        }
        return c.pos;
    }
}
