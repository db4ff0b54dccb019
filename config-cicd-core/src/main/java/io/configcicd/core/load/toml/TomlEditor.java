package io.configcicd.core.load.toml;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.toml.TomlSpans.Section;
import io.configcicd.core.load.toml.TomlSpans.Value;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Edits TOML text in place: only the text of the edited value changes, so comments, key order and the
 * formatting of everything else stay as written. Paths through arrays of tables ({@code [[x]]}) are not
 * supported; paths into static arrays and inline tables are.
 */
public final class TomlEditor {

    private static final LoadLimits LIMITS = LoadLimits.DEFAULT;

    /**
     * New text in which {@code path} holds {@code value}: an existing value's text is replaced, a new key is
     * added at the end of its table, a missing table is added as a {@code [header]} at the end of the file.
     *
     * @throws ConfigCicdException (bad input) when the text does not parse, the path goes through a scalar, a
     *                             list or an array of tables, or the value cannot be written in TOML
     */
    public String set(String text, ConfigPath path, ConfigNode value, String file) {
        if (path.isRoot()) {
            return TomlWriter.document(value);
        }
        TomlSpans spans = TomlParser.parseWithSpans(text, file, LIMITS);
        rejectArrayOfTables(spans, path, file);
        Optional<Value> existing = spans.value(path);
        String result;
        if (existing.isPresent()) {
            Value v = existing.get();
            result = new TomlTextEdits().replace(v.valueStart(), v.valueEnd(), TomlWriter.inline(value)).apply(text);
        } else if (!spans.keyvalsUnder(path).isEmpty() || !spans.sectionsUnder(path).isEmpty()) {
            result = replaceTable(text, spans, path, value, file);
        } else {
            result = TomlInsertion.insert(text, spans, path, value, file);
        }
        return verified(result, path, file);
    }

    /** New text without the key at {@code path} and its line(s); the text unchanged when the key is absent. */
    public String remove(String text, ConfigPath path, String file) {
        if (path.isRoot()) {
            return "";
        }
        TomlSpans spans = TomlParser.parseWithSpans(text, file, LIMITS);
        rejectArrayOfTables(spans, path, file);
        Optional<Value> existing = spans.value(path);
        if (existing.isPresent() && !existing.get().keyval()) {
            return verified(removeNested(text, spans, path), path, file);
        }
        TomlTextEdits edits = deleteTable(spans, path);
        return edits.isEmpty() ? text : verified(edits.apply(text), path, file);
    }

    /** Replaces a table (made by headers, dotted keys or [[headers]]) with a new value. */
    private String replaceTable(String text, TomlSpans spans, ConfigPath path, ConfigNode value, String file) {
        String nl = TomlTextEdits.newline(text);
        List<Section> sections = sectionsUnder(spans, path);
        List<Value> dotted = dottedKeyvals(spans, path);
        TomlTextEdits edits = new TomlTextEdits();
        if (TomlWriter.isTableLike(value) && !sections.isEmpty()) {
            Section first = sections.get(0);
            String block = TomlWriter.block(keys(path, file), value, nl);
            edits.insert(first.start(), block + (first.end() < text.length() || sections.size() > 1 ? nl : ""));
        } else if (!dotted.isEmpty()) {
            Value first = dotted.get(0);
            ConfigPath relative = ConfigPath.of(path.segments().subList(first.section().size(), path.size()));
            edits.insert(first.lineStart(), TomlTextEdits.indentation(text, first.lineStart())
                    + TomlWriter.dottedKey(keys(relative, file)) + " = " + TomlWriter.inline(value) + nl);
        } else {
            String without = deleteTable(spans, path).apply(text);
            return TomlInsertion.insert(without, TomlParser.parseWithSpans(without, file, LIMITS), path, value, file);
        }
        for (Section s : sections) {
            edits.replace(s.start(), s.end(), "");
        }
        for (Value v : dotted) {
            edits.replace(v.lineStart(), v.lineEnd(), "");
        }
        return edits.apply(text);
    }

    /** Deletes the sections under a path and the dotted key/value lines that build it from an outer section. */
    private static TomlTextEdits deleteTable(TomlSpans spans, ConfigPath path) {
        TomlTextEdits edits = new TomlTextEdits();
        for (Section s : sectionsUnder(spans, path)) {
            edits.replace(s.start(), s.end(), "");
        }
        for (Value v : dottedKeyvals(spans, path)) {
            edits.replace(v.lineStart(), v.lineEnd(), "");
        }
        return edits;
    }

    private static List<Section> sectionsUnder(TomlSpans spans, ConfigPath path) {
        List<Section> out = new ArrayList<>(spans.sectionsUnder(path));
        out.sort(Comparator.comparingInt(Section::start));
        return out;
    }

    /** Key/value pairs under the path written in a section outside it (with dotted keys, or the key itself). */
    private static List<Value> dottedKeyvals(TomlSpans spans, ConfigPath path) {
        return spans.keyvalsUnder(path).stream().filter(v -> !v.section().startsWith(path)).toList();
    }

    /** Removes an item of an inline table or static array by writing its container again. */
    private static String removeNested(String text, TomlSpans spans, ConfigPath path) {
        ConfigPath parentPath = path.parent();
        Value parent = spans.value(parentPath).orElseThrow();
        ConfigNode container = ConfigNodes.at(spans.root, parentPath);
        ConfigNode replaced;
        if (container instanceof ConfigMap m && path.last() instanceof ConfigPath.Key k) {
            ConfigMap.Builder b = ConfigMap.builder(m.origin());
            m.entries().forEach((key, v) -> {
                if (!key.equals(k.name())) {
                    b.put(key, v, m.keyOrigin(key));
                }
            });
            replaced = b.build();
        } else {
            ConfigList l = (ConfigList) container;
            List<ConfigNode> items = new ArrayList<>(l.items());
            items.remove(((ConfigPath.Index) path.last()).index());
            replaced = ConfigList.of(items, l.origin());
        }
        return new TomlTextEdits().replace(parent.valueStart(), parent.valueEnd(), TomlWriter.inline(replaced))
                .apply(text);
    }

    private static void rejectArrayOfTables(TomlSpans spans, ConfigPath path, String file) {
        Optional<ConfigPath> aot = spans.arrayOfTablesOn(path);
        if (aot.isPresent() && !aot.get().equals(path)) {
            ConfigNode node = ConfigNodes.at(spans.root, aot.get());
            throw ConfigCicdException.badInput(node == null ? Origin.file(file) : node.origin(),
                    "cannot edit '" + path + "' in place: it is inside the array of tables [[" + aot.get() + "]]",
                    "edit the [[" + aot.get() + "]] entries by hand, or set the whole '" + aot.get() + "' list");
        }
    }

    /** The keys of a path that has no list indexes. */
    static List<String> keys(ConfigPath path, String file) {
        List<String> out = new ArrayList<>(path.size());
        for (ConfigPath.Segment s : path.segments()) {
            if (!(s instanceof ConfigPath.Key k)) {
                throw ConfigCicdException.badInput(Origin.file(file), "'" + path + "' has a list index where a "
                        + "table key is needed", "set the whole list, or an item that exists");
            }
            out.add(k.name());
        }
        return out;
    }

    /** The edited text parsed again, so that an edit never leaves an invalid file behind. */
    private static String verified(String result, ConfigPath path, String file) {
        try {
            TomlParser.parse(result, file, LIMITS);
        } catch (ConfigParseException e) {
            throw ConfigCicdException.badInput(e.origin(), "editing '" + path + "' would make the file invalid: "
                    + e.problem(), "edit the file by hand");
        }
        return result;
    }
}
