package io.configcicd.core.load.yaml.parser;

/**
 * Literal ({@code |}) and folded ({@code >}) block scalars: the header (indentation indicator, chomping), the
 * content indentation, line folding and chomping of the final line breaks.
 */
final class BlockScalars {

    private final Cursor c;
    private final StringBuilder sb = new StringBuilder();

    BlockScalars(Cursor c) {
        this.c = c;
    }

    /**
     * The block scalar whose header is at pos, in a node whose parent has indentation n. pos ends at the start of
     * the first line after the scalar.
     */
    String read(int n) {
        boolean literal = c.cur() == '|';
        int header = c.pos;
        c.pos++;
        int indicator = 0;
        char chomp = ' ';
        for (int i = 0; i < 2; i++) {
            char ch = c.cur();
            if (ch >= '1' && ch <= '9' && indicator == 0) {
                indicator = ch - '0';
                c.pos++;
            } else if ((ch == '+' || ch == '-') && chomp == ' ') {
                chomp = ch;
                c.pos++;
            }
        }
        if (!Cursor.blankOrEnd(c.cur())) {
            throw c.error("a block scalar header is '|' or '>' with an optional indentation digit and '+' or '-'");
        }
        c.endLine();
        int base = Math.max(n, -1);
        int indent = indicator > 0 ? base + indicator : detect(base, header);
        return content(indent, literal, chomp);
    }

    /** The indentation of the first non-empty line; an error when an empty line before it has more spaces. */
    private int detect(int n, int header) {
        int p = c.pos;
        int maxEmpty = 0;
        while (p < c.end) {
            int start = p;
            while (c.at(p) == ' ') {
                p++;
            }
            int spaces = p - start;
            if (c.at(p) == '\n') {
                maxEmpty = Math.max(maxEmpty, spaces);
                p++;
                continue;
            }
            if (c.at(p) == Cursor.EOF) {
                maxEmpty = Math.max(maxEmpty, spaces);
                break;
            }
            if (spaces <= n && c.at(p) == '\t') {
                throw c.errorAt(p, "a tab cannot indent a block scalar: indent with spaces");
            }
            if (spaces > n && maxEmpty > spaces) {
                throw c.errorAt(header, "an empty line of this block scalar has more spaces than its first line");
            }
            return spaces > n ? spaces : Math.max(maxEmpty, n + 1);
        }
        return Math.max(maxEmpty, n + 1);
    }

    /** Reads the content lines at indentation {@code indent} and folds and chomps them. */
    private String content(int indent, boolean literal, char chomp) {
        sb.setLength(0);
        int empty = 0;
        boolean any = false;
        boolean lastSpaced = false;
        while (c.pos < c.end) {
            int start = c.pos;
            int p = start;
            while (p - start < indent && c.at(p) == ' ') {
                p++;
            }
            char ch = c.at(p);
            int spaces = p - start;
            if (spaces < indent && ch != '\n' && !(ch == Cursor.EOF && spaces > 0)
                    || spaces == 0 && c.atMarker(start)) {
                break;
            }
            if (ch == '\n' || ch == Cursor.EOF) {
                empty++;
                c.pos = p;
                if (ch == '\n') {
                    c.newline();
                }
                continue;
            }
            int lineEnd = p;
            while (lineEnd < c.end && c.s[lineEnd] != '\n') {
                lineEnd++;
            }
            boolean spaced = Cursor.ws(ch);
            if (any) {
                join(literal, lastSpaced, spaced, empty);
            } else {
                sb.append("\n".repeat(empty));
            }
            sb.append(c.s, p, lineEnd - p);
            any = true;
            lastSpaced = spaced;
            empty = 0;
            c.pos = lineEnd;
            if (c.cur() == '\n') {
                c.newline();
            }
        }
        return chomp(any, empty, chomp);
    }

    private void join(boolean literal, boolean lastSpaced, boolean spaced, int empty) {
        if (literal || lastSpaced || spaced) {
            sb.append("\n".repeat(empty + 1));
        } else if (empty == 0) {
            sb.append(' ');
        } else {
            sb.append("\n".repeat(empty));
        }
    }

    private String chomp(boolean any, int empty, char chomp) {
        if (!any) {
            return chomp == '+' ? "\n".repeat(empty) : "";
        }
        if (chomp == '+') {
            sb.append("\n".repeat(1 + empty));
        } else if (chomp == ' ') {
            sb.append('\n');
        }
        return sb.toString();
    }
}
