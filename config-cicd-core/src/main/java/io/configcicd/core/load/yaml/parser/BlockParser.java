package io.configcicd.core.load.yaml.parser;

import io.configcicd.core.load.yaml.parser.Properties.Props;
import io.configcicd.core.load.yaml.parser.YamlEvents.Style;

/**
 * Block structure: block mappings and sequences by indentation, explicit and compact entries, and the choice of
 * node kind after an indicator. Every method here ends at the start of a line (or at the end of the text).
 */
final class BlockParser {

    private final Cursor c;
    private final YamlEvents out;
    private final Properties props;
    private final FlowParser flow;
    private final BlockScalars blockScalars;
    private final KeyLookahead keys;

    BlockParser(Cursor c, YamlEvents out, Properties props, FlowParser flow, BlockScalars blockScalars,
                KeyLookahead keys) {
        this.c = c;
        this.out = out;
        this.props = props;
        this.flow = flow;
        this.blockScalars = blockScalars;
        this.keys = keys;
    }

    /**
     * The node after an indicator ('-', '?', ':', '---') or, at a line start, on this line. {@code n}: the
     * indentation of the parent collection (-1 for a document); {@code mapValue}: a mapping value, whose sequence
     * may sit at the indentation of its key; {@code compact}: a collection may start on this line.
     */
    void node(int n, boolean mapValue, boolean compact) {
        int line = c.line;
        int column = c.column();
        if (c.pos != c.lineStart) {
            int from = c.pos;
            c.skipSpace();
            if (!c.restIsBlank()) {
                inline(n, mapValue, compact, !hasTab(from, c.pos));
                return;
            }
            c.endLine();
        }
        below(n, mapValue, null, line, column);
    }

    private boolean hasTab(int from, int to) {
        for (int i = from; i < to; i++) {
            if (c.s[i] == '\t') {
                return true;
            }
        }
        return false;
    }

    /** A node that starts on the line of its indicator. */
    private void inline(int n, boolean mapValue, boolean compact, boolean spacesOnly) {
        int column = c.pos - c.lineStart;
        char ch = c.cur();
        if (compact && spacesOnly) {
            if (ch == '-' && c.blankAfter(c.pos, false)) {
                sequence(column, null);
                return;
            }
            if (ch == '?' && c.blankAfter(c.pos, false) || keys.at(c.pos, false)) {
                mapping(column, null);
                return;
            }
        }
        Props p = props.parse();
        if (p != null) {
            c.skipSpace();
            if (c.restIsBlank()) {
                c.endLine();
                below(n, mapValue, p, p.line(), p.column());
                return;
            }
        }
        content(n, p);
    }

    /** A block scalar or a flow node, with its properties, then the end of its line. */
    private void content(int n, Props p) {
        char ch = c.cur();
        if (ch == '|' || ch == '>') {
            int line = p == null ? c.line : p.line();
            int column = p == null ? c.column() : p.column();
            String value = blockScalars.read(n);
            out.scalar(value, ch == '|' ? Style.LITERAL : Style.FOLDED, p == null ? null : p.anchor(),
                    p == null ? null : p.tag(), line, column);
            return;
        }
        flow.node(n + 1, false, false, p);
        c.endLine();
    }

    /** A node on the lines below its indicator, or an empty node when none is indented enough. */
    private void below(int n, boolean mapValue, Props p, int line, int column) {
        int m = c.skipToContent();
        char ch = c.cur();
        boolean entry = m >= 0 && ch == '-' && c.blankAfter(c.pos, false);
        if (m > n || m == n && mapValue && entry) {
            boolean key = !entry && (ch == '?' && c.blankAfter(c.pos, false) || keys.at(c.pos, false));
            if (c.tabAfterIndent && (entry || key)) {
                throw c.error("a tab cannot indent block structure: indent with spaces");
            }
            if (entry) {
                sequence(m, p);
                return;
            }
            if (m > n && key) {
                mapping(m, p);
                return;
            }
            if (m > n) {
                Props q = props.parse();
                if (q != null) {
                    q = Properties.merge(p, q, c);
                    c.skipSpace();
                    if (c.restIsBlank()) {
                        c.endLine();
                        below(n, mapValue, q, q.line(), q.column());
                        return;
                    }
                }
                content(n, q != null ? q : p);
                return;
            }
        }
        out.scalar("", Style.PLAIN, p == null ? null : p.anchor(), p == null ? null : p.tag(), line, column);
    }

    /** A block sequence whose first '-' is at pos, at indentation m. */
    private void sequence(int m, Props p) {
        out.sequenceStart(p == null ? null : p.anchor(), p == null ? null : p.tag(), false,
                p == null ? c.line : p.line(), p == null ? c.column() : p.column());
        while (true) {
            c.pos++;
            node(m, false, true);
            int k = c.skipToContent();
            if (k < m) {
                break;
            }
            if (k > m) {
                throw c.error("this line is indented more than the list items above it");
            }
            if (c.cur() != '-' || !c.blankAfter(c.pos, false)) {
                break;
            }
            if (c.tabAfterIndent) {
                throw c.error("a tab cannot indent block structure: indent with spaces");
            }
        }
        out.sequenceEnd();
    }

    /** A block mapping whose first entry is at pos, at indentation m. */
    private void mapping(int m, Props p) {
        out.mappingStart(p == null ? null : p.anchor(), p == null ? null : p.tag(), false,
                p == null ? c.line : p.line(), p == null ? c.column() : p.column());
        while (true) {
            entry(m);
            int k = c.skipToContent();
            if (k < m) {
                break;
            }
            if (k > m) {
                throw c.error("this line is indented more than the mapping keys above it");
            }
            if (c.tabAfterIndent) {
                throw c.error("a tab cannot indent block structure: indent with spaces");
            }
        }
        out.mappingEnd();
    }

    /** One entry of a block mapping at indentation m: explicit ('?' key, ':' value) or implicit (key: value). */
    private void entry(int m) {
        char ch = c.cur();
        if (ch == '?' && c.blankAfter(c.pos, false)) {
            c.pos++;
            int line = c.line;
            int column = c.column();
            node(m, true, true);
            int k = c.skipToContent();
            if (k == m && c.cur() == ':' && c.blankAfter(c.pos, false) && !c.tabAfterIndent) {
                c.pos++;
                node(m, true, true);
            } else {
                out.scalar("", Style.PLAIN, null, null, line, column);
            }
            return;
        }
        if (!keys.at(c.pos, false)) {
            throw c.error(ch == '-' && c.blankAfter(c.pos, false)
                    ? "a list item where a mapping key is expected: indent the list under its key"
                    : "expected a mapping key followed by ': '");
        }
        if (ch == ':' && c.blankAfter(c.pos, false)) {
            out.scalar("", Style.PLAIN, null, null, c.line, c.column());
        } else {
            flow.node(m + 1, false, true, null);
            c.skipSpace();
        }
        if (c.cur() != ':') {
            throw c.error("expected ': ' after a mapping key");
        }
        c.pos++;
        node(m, true, false);
    }
}
