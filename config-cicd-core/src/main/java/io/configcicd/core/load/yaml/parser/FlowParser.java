package io.configcicd.core.load.yaml.parser;

import io.configcicd.core.load.yaml.parser.Properties.Props;
import io.configcicd.core.load.yaml.parser.YamlEvents.Style;

/**
 * Flow nodes: aliases, quoted and plain scalars and flow collections ({@code [..]}, {@code {..}}), also where they
 * stand in block context. {@code n} is the least indentation of a continuation line.
 */
final class FlowParser {

    private final Cursor c;
    private final YamlEvents out;
    private final Properties props;
    private final FlowScalars scalars;
    private final KeyLookahead keys;

    FlowParser(Cursor c, YamlEvents out, Properties props, FlowScalars scalars, KeyLookahead keys) {
        this.c = c;
        this.out = out;
        this.props = props;
        this.scalars = scalars;
        this.keys = keys;
    }

    /**
     * One node at pos, with the properties already read ({@code p}, may be null) or read here. {@code flow}:
     * inside a flow collection; {@code key}: an implicit key, on one line. Emits an empty scalar when there is no
     * content. Returns whether the node is JSON-like (quoted or a flow collection).
     */
    boolean node(int n, boolean flow, boolean key, Props p) {
        if (p == null && Properties.starts(c.cur())) {
            p = props.parse();
            if (flow) {
                separate(n);
            } else {
                c.skipSpace();
            }
        }
        int line = p == null ? c.line : p.line();
        int column = p == null ? c.column() : p.column();
        String anchor = p == null ? null : p.anchor();
        String tag = p == null ? null : p.tag();
        switch (c.cur()) {
            case '*' -> {
                if (p != null) {
                    throw c.error("an alias cannot have an anchor or a tag");
                }
                out.alias(props.name(), line, column);
                return false;
            }
            case '"' -> {
                out.scalar(scalars.doubleQuoted(n, !key), Style.DOUBLE_QUOTED, anchor, tag, line, column);
                return true;
            }
            case '\'' -> {
                out.scalar(scalars.singleQuoted(n, !key), Style.SINGLE_QUOTED, anchor, tag, line, column);
                return true;
            }
            case '[' -> {
                sequence(n, anchor, tag, line, column);
                return true;
            }
            case '{' -> {
                mapping(n, anchor, tag, line, column);
                return true;
            }
            default -> {
                String value = scalars.plainFirst(c.pos, flow) ? scalars.plain(n, flow, !key) : "";
                out.scalar(value, Style.PLAIN, anchor, tag, line, column);
                return false;
            }
        }
    }

    private void sequence(int n, String anchor, String tag, int line, int column) {
        out.sequenceStart(anchor, tag, true, line, column);
        int open = c.pos++;
        while (true) {
            separate(n);
            if (c.cur() == ']') {
                c.pos++;
                break;
            }
            sequenceEntry(n, open);
            separate(n);
            char ch = c.cur();
            c.pos++;
            if (ch == ']') {
                break;
            }
            if (ch != ',') {
                c.pos--;
                throw ch == Cursor.EOF ? c.errorAt(open, "expected ']' to close this flow sequence '['")
                        : c.error("expected ',' or ']' in a flow sequence, found '" + ch + "'");
            }
        }
        out.sequenceEnd();
    }

    private void sequenceEntry(int n, int open) {
        char ch = c.cur();
        if (ch == Cursor.EOF) {
            throw c.errorAt(open, "expected ']' to close this flow sequence '['");
        }
        if (ch == ',') {
            throw c.error("an empty entry in a flow sequence (two commas)");
        }
        if (ch == '?' && c.blankAfter(c.pos, true)) {
            out.mappingStart(null, null, true, c.line, c.column());
            c.pos++;
            pair(n, explicitKey(n));
            out.mappingEnd();
        } else if (ch == ':' && c.blankAfter(c.pos, true)) {
            out.mappingStart(null, null, true, c.line, c.column());
            pair(n, emptyKey());
            out.mappingEnd();
        } else if (keys.at(c.pos, true)) {
            out.mappingStart(null, null, true, c.line, c.column());
            boolean json = node(n, true, true, null);
            c.skipSpace();
            pair(n, json);
            out.mappingEnd();
        } else {
            node(n, true, false, null);
        }
    }

    private boolean emptyKey() {
        return empty(c.line, c.column());
    }

    private boolean empty(int line, int column) {
        out.scalar("", Style.PLAIN, null, null, line, column);
        return false;
    }

    /** The key after '?' (pos is after it): a node, or an empty one. */
    private boolean explicitKey(int n) {
        int line = c.line;
        int column = c.column();
        separate(n);
        char ch = c.cur();
        if (ch == ':' && c.blankAfter(c.pos, true) || ch == ',' || ch == ']' || ch == '}') {
            return empty(line, column);
        }
        return node(n, true, false, null);
    }

    /** After a key: the ':' and the value, or an empty value (placed where the key or the ':' ends). */
    private void pair(int n, boolean jsonKey) {
        int line = c.line;
        int column = c.column();
        separate(n);
        if (c.cur() == ':' && (jsonKey || c.blankAfter(c.pos, true))) {
            c.pos++;
            line = c.line;
            column = c.column();
            separate(n);
            char ch = c.cur();
            if (ch != ',' && ch != ']' && ch != '}') {
                node(n, true, false, null);
                return;
            }
        }
        empty(line, column);
    }

    private void mapping(int n, String anchor, String tag, int line, int column) {
        out.mappingStart(anchor, tag, true, line, column);
        int open = c.pos++;
        while (true) {
            separate(n);
            char ch = c.cur();
            if (ch == '}') {
                c.pos++;
                break;
            }
            if (ch == Cursor.EOF) {
                throw c.errorAt(open, "expected '}' to close this flow mapping '{'");
            }
            if (ch == ',') {
                throw c.error("an empty entry in a flow mapping (two commas)");
            }
            boolean json;
            if (ch == '?' && c.blankAfter(c.pos, true)) {
                c.pos++;
                json = explicitKey(n);
            } else {
                json = ch == ':' && c.blankAfter(c.pos, true) ? emptyKey() : node(n, true, false, null);
            }
            pair(n, json);
            separate(n);
            ch = c.cur();
            c.pos++;
            if (ch == '}') {
                break;
            }
            if (ch != ',') {
                c.pos--;
                throw ch == Cursor.EOF ? c.errorAt(open, "expected '}' to close this flow mapping '{'")
                        : c.error("expected ',' or '}' in a flow mapping, found '" + ch + "'");
            }
        }
        out.mappingEnd();
    }

    /**
     * Skips white space, comments and line breaks inside a flow collection. A continuation line needs an
     * indentation of at least n, unless it starts with the closing bracket; a document marker is an error.
     */
    void separate(int n) {
        while (true) {
            boolean space = c.skipSpace() || c.pos == c.lineStart;
            char ch = c.cur();
            if (ch == '#' && space) {
                c.skipComment();
                ch = c.cur();
            }
            if (ch != '\n') {
                return;
            }
            c.newline();
            int p = c.pos;
            while (c.at(p) == ' ') {
                p++;
            }
            if (p == c.lineStart && c.atMarker(p)) {
                throw c.error("a document marker inside a flow collection");
            }
            int indent = p - c.lineStart;
            c.pos = p;
            c.skipSpace();
            ch = c.cur();
            if (indent < n && ch != '\n' && ch != '#' && ch != Cursor.EOF && ch != ']' && ch != '}') {
                throw c.error("this line of a flow collection must be indented by at least " + n
                        + (n == 1 ? " space" : " spaces") + ", more than the key it belongs to");
            }
            c.pos = p;
        }
    }
}
