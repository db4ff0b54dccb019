package io.configcicd.core.load.yaml.parser;

/**
 * Tells, without moving the cursor, whether a line holds an implicit mapping key at a position: a node on one line
 * (with optional properties) followed by the ':' value indicator.
 */
final class KeyLookahead {

    private final Cursor c;
    private final FlowScalars scalars;

    KeyLookahead(Cursor c, FlowScalars scalars) {
        this.c = c;
        this.scalars = scalars;
    }

    /** Whether an implicit key starts at p; {@code flow} inside a flow collection. */
    boolean at(int p, boolean flow) {
        int q = p;
        while (Properties.starts(c.at(q))) {
            if (c.at(q + 1) == '<') {
                while (!Cursor.blankOrEnd(c.at(q)) && c.at(q) != '>') {
                    q++;
                }
            }
            q = token(q + 1);
            while (Cursor.ws(c.at(q))) {
                q++;
            }
        }
        char ch = c.at(q);
        boolean json = true;
        if (ch == '*') {
            q = token(q + 1);
            json = false;
        } else if (ch == '"' || ch == '\'') {
            q = quoteEnd(q, ch);
        } else if (ch == '[' || ch == '{') {
            q = bracketEnd(q);
        } else if (ch == ':' && c.blankAfter(q, flow)) {
            return true;
        } else if (scalars.plainFirst(q, flow)) {
            q = scalars.plainLineEnd(q, flow);
            json = false;
        } else {
            return false;
        }
        if (q < 0) {
            return false;
        }
        while (Cursor.ws(c.at(q))) {
            q++;
        }
        return c.at(q) == ':' && (json && flow || c.blankAfter(q, flow));
    }

    private int token(int p) {
        while (!Cursor.blankOrEnd(c.at(p)) && !Cursor.flowIndicator(c.at(p))) {
            p++;
        }
        return p;
    }

    /** The offset after the closing quote on the same line, or -1. */
    private int quoteEnd(int p, char quote) {
        int q = p + 1;
        while (true) {
            char ch = c.at(q);
            if (ch == '\n' || ch == Cursor.EOF) {
                return -1;
            }
            if (ch == '\\' && quote == '"') {
                q += 2;
                continue;
            }
            if (ch == quote) {
                if (quote == '\'' && c.at(q + 1) == '\'') {
                    q += 2;
                    continue;
                }
                return q + 1;
            }
            q++;
        }
    }

    /** The offset after the bracket that closes the one at p on the same line, or -1. */
    private int bracketEnd(int p) {
        int depth = 0;
        int q = p;
        while (true) {
            char ch = c.at(q);
            if (ch == '\n' || ch == Cursor.EOF) {
                return -1;
            }
            if (ch == '"' || ch == '\'') {
                q = quoteEnd(q, ch);
                if (q < 0) {
                    return -1;
                }
                continue;
            }
            if (ch == '#' && Cursor.ws(c.at(q - 1))) {
                return -1;
            }
            if (ch == '[' || ch == '{') {
                depth++;
            } else if ((ch == ']' || ch == '}') && --depth == 0) {
                return q + 1;
            }
            q++;
        }
    }
}
