package io.configcicd.core.repo.edit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.edit.ScalarRendering.JsonLayout;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Edits JSON text in place. Jackson's streaming parser gives the character offset of every token; only the span
 * of the edited value (or member) changes. New members follow the indentation and line breaks of their siblings.
 * Comments ({@code //}, {@code /* *}{@code /}) are accepted and kept.
 */
public final class JsonEditor implements DocumentEditor {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    /** A value with its span; for objects the member keys and where each key starts. */
    private record JNode(char kind, int start, int end, int line, List<String> keys, List<Integer> keyStarts,
                         List<JNode> children) {
        boolean isObject() {
            return kind == '{';
        }

        int entryStart(int i) {
            return isObject() ? keyStarts.get(i) : children.get(i).start();
        }
    }

    @Override
    public String set(String text, ConfigPath path, ConfigNode value, String file) {
        JsonText d = JsonText.parse(text, file);
        if (path.isRoot() || d.root() == null) {
            ConfigNode tree = path.isRoot() ? value
                    : DocumentEdits.nest(path, 0, value, Origin.file(file), "the document is empty");
            return d.leading() + ScalarRendering.json(tree, "", d.layout()) + d.newline();
        }
        JNode node = d.root();
        JNode parent = null;
        List<ConfigPath.Segment> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            ConfigPath here = ConfigPath.of(segments.subList(0, i));
            if (segments.get(i) instanceof ConfigPath.Key k) {
                if (!node.isObject()) {
                    throw through(d, node, here, path);
                }
                int at = node.keys().lastIndexOf(k.name());
                if (at < 0) {
                    ConfigNode rest = DocumentEdits.nest(path, i + 1, value, Origin.of(d.file(), node.line(), 0),
                            DocumentEdits.noKey(path, i));
                    return insert(d, node, k.name(), rest);
                }
                parent = node;
                node = node.children().get(at);
            } else {
                int index = ((ConfigPath.Index) segments.get(i)).index();
                if (node.kind() != '[') {
                    throw through(d, node, here, path);
                }
                if (index >= node.children().size()) {
                    throw ConfigCicdException.badInput(Origin.of(d.file(), node.line(), 0), "cannot set " + path
                            + ": " + here + " has " + node.children().size() + " items, index " + index
                            + " is out of range", "use an index below " + node.children().size());
                }
                parent = node;
                node = node.children().get(index);
            }
        }
        JsonLayout layout = d.oneLine(parent) ? d.compact() : d.layout();
        return d.splice(node.start(), node.end(), ScalarRendering.json(value, d.indentAt(node.start()), layout));
    }

    @Override
    public String remove(String text, ConfigPath path, String file) {
        JsonText d = JsonText.parse(text, file);
        if (path.isRoot()) {
            return "";
        }
        JNode node = d.root();
        List<ConfigPath.Segment> segments = path.segments();
        for (int i = 0; node != null && i < segments.size(); i++) {
            int at = -1;
            if (segments.get(i) instanceof ConfigPath.Key k && node.isObject()) {
                at = node.keys().lastIndexOf(k.name());
            } else if (segments.get(i) instanceof ConfigPath.Index ix && node.kind() == '[') {
                at = ix.index() < node.children().size() ? ix.index() : -1;
            }
            if (at < 0) {
                return text;
            }
            if (i == segments.size() - 1) {
                return removeEntry(d, node, at);
            }
            node = node.children().get(at);
        }
        return text;
    }

    private static String removeEntry(JsonText d, JNode coll, int i) {
        int n = coll.children().size();
        if (n == 1) {
            return d.splice(coll.start() + 1, coll.end() - 1, "");
        }
        if (i < n - 1) {
            return d.splice(coll.entryStart(i), coll.entryStart(i + 1), "");
        }
        return d.splice(coll.children().get(i - 1).end(), coll.children().get(i).end(), "");
    }

    private static String insert(JsonText d, JNode obj, String key, ConfigNode value) {
        String name = ScalarRendering.jsonString(key);
        if (obj.children().isEmpty()) {
            if (d.oneLine(obj) && d.layout().compact()) {
                return d.splice(obj.start(), obj.end(), "{" + name + d.layout().colon()
                        + ScalarRendering.json(value, "", d.layout()) + "}");
            }
            String outer = d.indentAt(obj.start());
            String inner = outer + d.layout().unit();
            return d.splice(obj.start(), obj.end(), "{" + d.newline() + inner + name + d.layout().colon()
                    + ScalarRendering.json(value, inner, d.layout()) + d.newline() + outer + "}");
        }
        int lastKey = obj.keyStarts().get(obj.keyStarts().size() - 1);
        int at = obj.children().get(obj.children().size() - 1).end();
        if (d.oneLine(obj)) {
            return d.splice(at, at, ", " + name + d.layout().colon() + ScalarRendering.json(value, "", d.compact()));
        }
        String indent = d.indentAt(lastKey);
        return d.splice(at, at, "," + d.newline() + indent + name + d.layout().colon()
                + ScalarRendering.json(value, indent, d.layout()));
    }

    private static ConfigCicdException through(JsonText d, JNode node, ConfigPath at, ConfigPath path) {
        String what = node.isObject() ? "an object" : node.kind() == '[' ? "an array" : "a scalar";
        String name = at.isRoot() ? "the document" : at.toString();
        return ConfigCicdException.badInput(Origin.of(d.file(), node.line(), 0), "cannot set " + path + ": " + name
                + " is " + what, "set " + (at.isRoot() ? "a top-level key" : at) + " itself, or change the path");
    }

    /** The text, its span tree and the layout read from it. */
    private record JsonText(String text, String file, JNode root, JsonLayout layout) {

        static JsonText parse(String text, String file) {
            JNode root = null;
            try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
                JsonToken t = p.nextToken();
                if (t != null) {
                    root = read(p, t, text);
                }
            } catch (JacksonException e) {
                TokenStreamLocation l = e.getLocation();
                Origin at = l == null ? Origin.file(file) : Origin.of(file, l.getLineNr(), l.getColumnNr());
                throw ConfigCicdException.badInput(at, "cannot edit invalid JSON: " + e.getOriginalMessage(),
                        "fix the file");
            }
            return new JsonText(text, file, root, detect(text, root));
        }

        private static JNode read(JsonParser p, JsonToken t, String text) {
            TokenStreamLocation loc = p.currentTokenLocation();
            int start = (int) loc.getCharOffset();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                return new JNode('s', start, scalarEnd(text, start), loc.getLineNr(), List.of(), List.of(), List.of());
            }
            List<String> keys = new ArrayList<>();
            List<Integer> keyStarts = new ArrayList<>();
            List<JNode> children = new ArrayList<>();
            JsonToken next = p.nextToken();
            while (next != JsonToken.END_OBJECT && next != JsonToken.END_ARRAY) {
                if (next == JsonToken.PROPERTY_NAME) {
                    keys.add(p.currentName());
                    keyStarts.add((int) p.currentTokenLocation().getCharOffset());
                    next = p.nextToken();
                }
                children.add(read(p, next, text));
                next = p.nextToken();
            }
            int end = (int) p.currentTokenLocation().getCharOffset() + 1;
            return new JNode(t == JsonToken.START_OBJECT ? '{' : '[', start, end, loc.getLineNr(), keys, keyStarts,
                    children);
        }

        private static int scalarEnd(String text, int start) {
            int i = start;
            if (text.charAt(i) == '"') {
                i++;
                while (text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                return i + 1;
            }
            while (i < text.length() && ",]}/ \t\r\n".indexOf(text.charAt(i)) < 0) {
                i++;
            }
            return i;
        }

        /** Indentation unit, colon spacing and line breaks of the file; a file on one line is compact. */
        private static JsonLayout detect(String text, JNode root) {
            String nl = text.contains("\r\n") ? "\r\n" : "\n";
            if (root == null || root.children().isEmpty()) {
                return new JsonLayout("  ", nl, ": ", false);
            }
            boolean compact = !text.substring(root.start(), root.end()).contains("\n");
            String colon = ": ";
            JNode obj = firstObjectWithMembers(root);
            if (obj != null) {
                int keyEnd = scalarEnd(text, obj.keyStarts().get(0));
                colon = text.substring(keyEnd, obj.children().get(0).start());
            }
            String unit = "  ";
            int first = root.entryStart(0);
            String outer = indent(text, root.start());
            String inner = indent(text, first);
            if (!compact && inner.length() > outer.length() && inner.startsWith(outer)) {
                unit = inner.substring(outer.length());
            }
            return new JsonLayout(unit, nl, colon.contains("\n") || colon.contains("/") ? ": " : colon, compact);
        }

        private static JNode firstObjectWithMembers(JNode n) {
            if (n.isObject() && !n.children().isEmpty()) {
                return n;
            }
            for (JNode c : n.children()) {
                JNode found = firstObjectWithMembers(c);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        static String indent(String text, int pos) {
            int ls = text.lastIndexOf('\n', pos - 1) + 1;
            int i = ls;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            return text.substring(ls, i);
        }

        String indentAt(int pos) {
            return indent(text, pos);
        }

        boolean oneLine(JNode n) {
            return n == null ? layout.compact() : text.indexOf('\n', n.start()) < 0
                    || text.indexOf('\n', n.start()) > n.end();
        }

        JsonLayout compact() {
            return new JsonLayout(layout.unit(), layout.newline(), layout.colon(), true);
        }

        String newline() {
            return layout.newline();
        }

        /** Whitespace and comments before an empty document, kept when the document is written. */
        String leading() {
            return root == null ? text.stripTrailing().isEmpty() ? "" : text.stripTrailing() + newline() : "";
        }

        String splice(int from, int to, String replacement) {
            return text.substring(0, from) + replacement + text.substring(to);
        }
    }
}
