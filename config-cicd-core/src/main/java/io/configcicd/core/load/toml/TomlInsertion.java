package io.configcicd.core.load.toml;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.toml.TomlSpans.Section;
import io.configcicd.core.load.toml.TomlSpans.Value;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Adds a key that does not exist yet to TOML text, at the end of the table that holds it. */
final class TomlInsertion {

    private TomlInsertion() {
    }

    /** Inserts {@code path = value} where {@code path} does not exist in the text yet. */
    static String insert(String text, TomlSpans spans, ConfigPath path, ConfigNode value, String file) {
        ConfigPath existing = path.parent();
        while (!existing.isRoot() && ConfigNodes.at(spans.root, existing) == null) {
            existing = existing.parent();
        }
        ConfigNode holder = ConfigNodes.at(spans.root, existing);
        if (!(holder instanceof ConfigMap map)) {
            throw ConfigCicdException.badInput(holder.origin(), "cannot set '" + path + "': '" + existing + "' is "
                    + holder.typeNameWithArticle() + ", not a table", "remove '" + existing + "' first or choose another key");
        }
        ConfigPath remaining = ConfigPath.of(path.segments().subList(existing.size(), path.size()));
        Optional<Value> inline = spans.value(existing);
        if (inline.isPresent()) {
            Value v = inline.get();
            ConfigMap grown = withValue(map, TomlEditor.keys(remaining, file), value);
            return new TomlTextEdits().replace(v.valueStart(), v.valueEnd(), TomlWriter.inline(grown)).apply(text);
        }
        List<String> keys = TomlEditor.keys(remaining, file);
        String nl = TomlTextEdits.newline(text);
        if (TomlWriter.isTableLike(value)) {
            return appendAtEnd(text, TomlWriter.block(TomlEditor.keys(path, file), value, nl), nl);
        }
        Optional<Section> own = spans.section(existing);
        if (own.isPresent() && keys.size() == 1) {
            return insertInSection(text, spans, own.get(), keys, value, nl);
        }
        ConfigPath table = existing;
        Optional<Value> dotted = spans.keyvalsUnder(table).stream()
                .filter(v -> v.section().size() < table.size() && table.startsWith(v.section()))
                .max(Comparator.comparingInt(Value::lineStart));
        if (dotted.isPresent()) {
            Section s = spans.section(dotted.get().section()).orElseThrow();
            List<String> relative = TomlEditor.keys(ConfigPath.of(path.segments().subList(s.path().size(),
                    path.size())), file);
            return insertInSection(text, spans, s, relative, value, nl);
        }
        String header = "[" + TomlWriter.dottedKey(TomlEditor.keys(path.parent(), file)) + "]" + nl;
        return appendAtEnd(text, header + TomlWriter.key(keys.get(keys.size() - 1)) + " = "
                + TomlWriter.inline(value) + nl, nl);
    }

    private static String insertInSection(String text, TomlSpans spans, Section s, List<String> keys,
                                          ConfigNode value, String nl) {
        Optional<Value> last = spans.values.stream().filter(v -> v.keyval() && v.section().equals(s.path()))
                .max(Comparator.comparingInt(Value::lineStart));
        String indent = last.map(v -> TomlTextEdits.indentation(text, v.lineStart())).orElse("");
        int at = s.contentEnd();
        String line = indent + TomlWriter.dottedKey(keys) + " = " + TomlWriter.inline(value) + nl;
        String before = TomlTextEdits.lineBreakBefore(text, at, nl);
        String after = s.path().isRoot() && last.isEmpty() && at < text.length() ? nl : "";
        return new TomlTextEdits().insert(at, before + line + after).apply(text);
    }

    private static String appendAtEnd(String text, String block, String nl) {
        String before = TomlTextEdits.lineBreakBefore(text, text.length(), nl);
        String gap = text.isBlank() ? "" : nl;
        return text + before + gap + block;
    }

    /** A copy of a map with a value put at a key path, creating the maps in between. */
    private static ConfigMap withValue(ConfigMap map, List<String> keys, ConfigNode value) {
        String key = keys.get(0);
        ConfigNode v = value;
        if (keys.size() > 1) {
            ConfigNode child = map.getOrNull(key);
            ConfigMap childMap = child instanceof ConfigMap m ? m : ConfigMap.empty(Origin.UNKNOWN);
            v = withValue(childMap, keys.subList(1, keys.size()), value);
        }
        ConfigMap.Builder b = ConfigMap.builder(map.origin());
        map.entries().forEach((k, n) -> b.put(k, n, map.keyOrigin(k)));
        b.put(key, v, map.keyOrigin(key));
        return b.build();
    }
}
