package io.configcicd.core.load.toml;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.toml.TomlTables.Kind;
import io.configcicd.core.load.toml.TomlTables.Position;
import io.configcicd.core.load.toml.TomlTables.Table;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.List;

/** Keys, key/value pairs and values: strings, numbers, booleans, dates, arrays and inline tables. */
final class TomlValues {

    /** One part of a (dotted) key and where it starts. */
    record KeyPart(String name, int pos) {
    }

    /** A parsed key/value pair: its full path and where its key and value are. */
    record KeyValue(ConfigPath path, int keyStart, int valueStart, int valueEnd) {
    }

    private TomlValues() {
    }

    /** Parses a key, bare, quoted or dotted, with blanks around the dots; leaves the cursor after trailing blanks. */
    static List<KeyPart> key(TomlReader r) {
        List<KeyPart> parts = new ArrayList<>();
        while (true) {
            r.skipBlanks();
            int start = r.pos;
            int c = r.peek();
            String name;
            if (c == '"' || c == '\'') {
                if (r.startsWith("\"\"\"") || r.startsWith("'''")) {
                    throw r.fail("a multi-line string cannot be a key", "use a one-line \"quoted\" key");
                }
                name = TomlStrings.singleLine(r);
            } else if (TomlReader.isBareKeyChar(c)) {
                while (TomlReader.isBareKeyChar(r.peek())) {
                    r.pos++;
                }
                name = r.text.substring(start, r.pos);
                if (name.length() > r.limits.maxStringLength()) {
                    throw r.fail(start, "key longer than the limit of " + r.limits.maxStringLength() + " characters",
                            "shorten the key or " + LoadLimits.raise(LoadLimits.MAX_STRING_LENGTH));
                }
            } else {
                throw r.fail("expected a key, found " + TomlReader.describe(c),
                        "bare keys use A-Z a-z 0-9 _ -; put other keys in \"quotes\"");
            }
            parts.add(new KeyPart(name, start));
            r.skipBlanks();
            if (r.peek() != '.') {
                return parts;
            }
            r.pos++;
        }
    }

    /** Parses {@code key = value} into the table at {@code at}; records nested value spans when asked. */
    static KeyValue keyValue(TomlReader r, Position at, TomlSpans spans) {
        List<KeyPart> parts = key(r);
        if (r.peek() != '=') {
            throw r.fail("expected '=' after key '" + parts.get(parts.size() - 1).name() + "', found "
                    + TomlReader.describe(r.peek()), "write key = value on one line");
        }
        r.pos++;
        r.skipBlanks();
        Position p = at;
        for (int i = 0; i < parts.size() - 1; i++) {
            p = TomlTables.dottedStep(r, p, parts.get(i).name(), parts.get(i).pos());
        }
        KeyPart last = parts.get(parts.size() - 1);
        ConfigPath path = p.path().child(last.name());
        int valueStart = r.pos;
        ConfigNode value = value(r, path, spans);
        TomlTables.putValue(r, p, last.name(), last.pos(), value);
        return new KeyValue(path, parts.get(0).pos(), valueStart, r.pos);
    }

    /** Parses the value at the cursor. */
    static ConfigNode value(TomlReader r, ConfigPath path, TomlSpans spans) {
        Origin origin = r.here();
        int c = r.peek();
        if (c == '"' || c == '\'') {
            return ConfigScalar.string(TomlStrings.parseValue(r), origin);
        }
        if (c == '[') {
            return array(r, path, spans);
        }
        if (c == '{') {
            return inlineTable(r, path, spans);
        }
        if (c == 't' || c == 'f') {
            ConfigScalar b = TomlScalars.bool(r, origin);
            if (b != null) {
                return b;
            }
        }
        if (TomlScalars.atTemporal(r)) {
            return TomlScalars.temporal(r, origin);
        }
        return TomlScalars.number(r, origin);
    }

    private static ConfigList array(TomlReader r, ConfigPath path, TomlSpans spans) {
        int start = r.pos;
        Origin origin = r.here();
        TomlTables.checkDepth(r, start, path);
        r.pos++;
        List<ConfigNode> items = new ArrayList<>();
        while (true) {
            r.skipBlanksCommentsNewlines();
            if (r.peek() == ']') {
                r.pos++;
                return ConfigList.of(items, origin);
            }
            if (r.eof()) {
                throw r.fail(start, "expected ']' to close the array, found the end of the file",
                        "add the closing ']'");
            }
            ConfigPath itemPath = path.child(items.size());
            int valueStart = r.pos;
            items.add(value(r, itemPath, spans));
            record(spans, itemPath, -1, valueStart, r.pos);
            r.skipBlanksCommentsNewlines();
            if (r.peek() == ',') {
                r.pos++;
            } else if (r.peek() != ']') {
                throw r.eof() ? r.fail(start, "expected ']' to close the array, found the end of the file",
                        "add the closing ']'")
                        : r.fail("expected ',' or ']' in an array, found " + TomlReader.describe(r.peek()),
                                "separate array items with commas");
            }
        }
    }

    private static ConfigNode inlineTable(TomlReader r, ConfigPath path, TomlSpans spans) {
        int start = r.pos;
        TomlTables.checkDepth(r, start, path);
        Table table = new Table(r.here(), Kind.INLINE);
        Position at = new Position(table, path);
        r.pos++;
        r.skipBlanks();
        if (r.peek() == '}') {
            r.pos++;
            return TomlTables.toNode(table);
        }
        while (true) {
            KeyValue kv = keyValue(r, at, spans);
            record(spans, kv.path(), kv.keyStart(), kv.valueStart(), kv.valueEnd());
            r.skipBlanks();
            int c = r.peek();
            if (c == '}') {
                r.pos++;
                return TomlTables.toNode(table);
            }
            if (c != ',') {
                throw r.fail(c < 0 ? start : r.pos, c < 0
                        ? "expected '}' to close the inline table, found the end of the file"
                        : "expected ',' or '}' in an inline table, found " + TomlReader.describe(c),
                        "write an inline table on one line as {key = value, other = value}");
            }
            r.pos++;
            r.skipBlanks();
            if (r.peek() == '}') {
                throw r.fail("expected a key after ',' in an inline table, found '}'",
                        "remove the comma before '}': TOML allows no trailing comma there");
            }
        }
    }

    private static void record(TomlSpans spans, ConfigPath path, int keyStart, int valueStart, int valueEnd) {
        if (spans != null) {
            spans.values.add(new TomlSpans.Value(path, null, keyStart, valueStart, valueEnd, valueStart, valueEnd,
                    false));
        }
    }
}
