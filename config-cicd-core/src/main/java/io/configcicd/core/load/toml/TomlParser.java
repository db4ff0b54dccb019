package io.configcicd.core.load.toml;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.toml.TomlTables.Kind;
import io.configcicd.core.load.toml.TomlTables.Position;
import io.configcicd.core.load.toml.TomlTables.Table;
import io.configcicd.core.load.toml.TomlValues.KeyPart;
import io.configcicd.core.load.toml.TomlValues.KeyValue;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.List;

/**
 * Parses a TOML 1.0.0 document: the line structure of key/value pairs, [table] and [[array]] headers and
 * comments. Values are read by {@link TomlValues}, table rules enforced by {@link TomlTables}.
 */
final class TomlParser {

    private final TomlReader r;
    private final TomlSpans spans;
    private final Position root;
    private Position current;
    private boolean currentIsArrayElement;
    private int sectionStart;
    private int sectionHeaderEnd;
    private int sectionContentEnd;

    private TomlParser(String text, String file, LoadLimits limits, boolean withSpans) {
        this.r = new TomlReader(text, file, limits);
        this.spans = withSpans ? new TomlSpans() : null;
        this.root = new Position(new Table(Origin.of(file, 1, 1), Kind.HEADER), ConfigPath.root());
        this.current = root;
    }

    /** Parses a document into a tree in which every value, table and key has its origin. */
    static ConfigMap parse(String text, String file, LoadLimits limits) {
        TomlParser p = new TomlParser(text, file, limits, false);
        p.document();
        return TomlTables.toNode(p.root.table());
    }

    /** Parses a document and reports where each value, key/value pair and section is in the text. */
    static TomlSpans parseWithSpans(String text, String file, LoadLimits limits) {
        TomlParser p = new TomlParser(text, file, limits, true);
        p.document();
        p.spans.root = TomlTables.toNode(p.root.table());
        return p.spans;
    }

    private void document() {
        while (!r.eof()) {
            r.skipBlanks();
            int c = r.peek();
            if (c < 0) {
                break;
            }
            if (c == '#') {
                r.skipComment();
                r.expectLineEnd("a comment");
            } else if (r.atNewline()) {
                r.consumeNewline();
            } else if (c == '[') {
                header();
            } else {
                keyValueLine();
            }
        }
        closeSection(r.text.length());
    }

    private void keyValueLine() {
        int lineStart = lineStart(r.pos);
        KeyValue kv = TomlValues.keyValue(r, current, spans);
        r.expectLineEnd("a value");
        sectionContentEnd = r.pos;
        if (spans != null) {
            spans.values.add(new TomlSpans.Value(kv.path(), current.path(), kv.keyStart(), kv.valueStart(),
                    kv.valueEnd(), lineStart, r.pos, true));
        }
    }

    private void header() {
        int headerPos = r.pos;
        Origin origin = r.here();
        boolean array = r.startsWith("[[");
        r.pos += array ? 2 : 1;
        List<KeyPart> keys = TomlValues.key(r);
        String close = array ? "]]" : "]";
        if (!r.startsWith(close)) {
            throw r.fail("expected '" + close + "' to close the table header, found " + TomlReader.describe(r.peek()),
                    "write headers as [name] or [[name]] on one line; quote keys with other characters");
        }
        r.pos += close.length();
        Position p = root;
        for (int i = 0; i < keys.size() - 1; i++) {
            p = TomlTables.headerStep(r, p, keys.get(i).name(), keys.get(i).pos());
        }
        KeyPart last = keys.get(keys.size() - 1);
        p = array ? TomlTables.appendTable(r, p, last.name(), last.pos(), origin)
                : TomlTables.defineTable(r, p, last.name(), last.pos(), origin);
        r.expectLineEnd("a table header");
        closeSection(lineStart(headerPos));
        current = p;
        currentIsArrayElement = array;
        sectionStart = lineStart(headerPos);
        sectionHeaderEnd = r.pos;
        sectionContentEnd = r.pos;
        if (spans != null && array) {
            spans.arraysOfTables.add(p.path().parent());
        }
    }

    private void closeSection(int end) {
        if (spans != null) {
            spans.sections.add(new TomlSpans.Section(current.path(), currentIsArrayElement, sectionStart,
                    sectionHeaderEnd, end, sectionContentEnd));
        }
    }

    private int lineStart(int offset) {
        return r.text.lastIndexOf('\n', offset - 1) + 1;
    }
}
