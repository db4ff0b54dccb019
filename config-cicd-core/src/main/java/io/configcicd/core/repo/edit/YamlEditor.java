package io.configcicd.core.repo.edit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.edit.ScalarRendering.Quoting;
import io.configcicd.core.repo.edit.ScalarRendering.YamlLayout;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Edits YAML text in place. The text is composed with snakeyaml-engine to find the exact character span of each
 * node; only that span is rewritten, so comments, blank lines, quoting and indentation elsewhere stay as written.
 * Only the first document of a multi-document stream is edited.
 */
public final class YamlEditor implements DocumentEditor {

    private static final Set<String> NULL_WORDS = Set.of("", "~", "null", "Null", "NULL");

    /** Where a node sits: the collection holding it and, in a mapping, its key. Both null for the root. */
    private record Slot(CollectionNode<?> parent, Node key) {
    }

    @Override
    public String set(String text, ConfigPath path, ConfigNode value, String file) {
        YamlText d = YamlText.parse(text, file);
        if (path.isRoot()) {
            return render(value, d.layout()) + d.layout().newline();
        }
        if (d.root() == null || isNull(d.root()) && d.root() instanceof ScalarNode s && s.getValue().isEmpty()) {
            return appendToEmpty(d, path, value);
        }
        List<ConfigPath.Segment> segments = path.segments();
        Node node = d.root();
        Slot slot = new Slot(null, null);
        for (int i = 0; i < segments.size(); i++) {
            ConfigPath.Segment seg = segments.get(i);
            ConfigPath here = ConfigPath.of(segments.subList(0, i));
            if (seg instanceof ConfigPath.Key k) {
                if (!(node instanceof MappingNode m)) {
                    if (i > 0 && isNull(node)) {
                        ConfigNode tree = DocumentEdits.nest(path, i, value, d.origin(node), here + " is null");
                        return replace(d, slot, node, tree);
                    }
                    throw through(d, node, here, path);
                }
                NodeTuple t = find(m, k.name());
                if (t == null) {
                    ConfigNode tree = DocumentEdits.nest(path, i + 1, value, d.origin(m), DocumentEdits.noKey(path, i));
                    return insert(d, m, k.name(), tree);
                }
                node = checkNotAlias(d, t, here.child(k.name()));
                slot = new Slot(m, t.getKeyNode());
            } else {
                int index = ((ConfigPath.Index) seg).index();
                if (!(node instanceof SequenceNode s)) {
                    throw through(d, node, here, path);
                }
                if (index >= s.getValue().size()) {
                    throw ConfigCicdException.badInput(d.origin(s), "cannot set " + path + ": " + here + " has "
                            + s.getValue().size() + " items, index " + index + " is out of range",
                            "use an index below " + s.getValue().size());
                }
                node = s.getValue().get(index);
                slot = new Slot(s, null);
            }
        }
        return replace(d, slot, node, value);
    }

    @Override
    public String remove(String text, ConfigPath path, String file) {
        YamlText d = YamlText.parse(text, file);
        if (d.root() == null || path.isRoot()) {
            return path.isRoot() ? "" : text;
        }
        Node node = d.root();
        List<ConfigPath.Segment> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            int entry = entryIndex(node, segments.get(i));
            if (entry < 0) {
                return text;
            }
            if (i == segments.size() - 1) {
                return removeEntry(d, (CollectionNode<?>) node, entry);
            }
            node = node instanceof MappingNode m ? m.getValue().get(entry).getValueNode()
                    : ((SequenceNode) node).getValue().get(entry);
        }
        return text;
    }

    // ---- set ----

    private String replace(YamlText d, Slot slot, Node old, ConfigNode value) {
        boolean flowContext = slot.parent() != null && slot.parent().getFlowStyle() == FlowStyle.FLOW;
        int start = d.start(old);
        if (old instanceof ScalarNode s && s.getValue().isEmpty() && start == d.end(old)) {
            if (ScalarRendering.isBlock(value) && !flowContext) {
                int col = slot.key() != null ? d.column(slot.key()) : d.column(old);
                return d.splice(d.lineEnd(start), d.lineEnd(start),
                        ScalarRendering.yamlAfterIndicator(value, col, d.layout(), slot.key() != null));
            }
            return d.splice(start, start, " " + inline(value, Quoting.PLAIN, flowContext));
        }
        if (flowContext || isFlow(old)) {
            return d.splice(start, d.end(old), inline(value, quoting(old), true));
        }
        int contentEnd = d.contentEnd(old);
        if (old instanceof ScalarNode s) {
            if (!ScalarRendering.isBlock(value)) {
                return d.splice(start, contentEnd, inline(value, quoting(old), false));
            }
            if (slot.key() == null) {
                return d.splice(start, contentEnd, ScalarRendering.yamlBlock(value, d.column(old), d.layout()));
            }
            int lineEnd = d.lineEnd(contentEnd);
            String comment = d.text().substring(contentEnd, lineEnd).strip();
            return d.splice(d.skipSpacesBack(start), lineEnd, (comment.isEmpty() ? "" : " " + comment)
                    + ScalarRendering.yamlAfterIndicator(value, d.column(slot.key()), d.layout(), true));
        }
        if (ScalarRendering.isBlock(value)) {
            return d.splice(start, d.lineEnd(contentEnd), ScalarRendering.yamlBlock(value, d.column(old), d.layout()));
        }
        return collapse(d, old, inline(value, Quoting.PLAIN, false));
    }

    /** Replaces a block collection by a one-line value, on the line of its key or dash when nothing is between. */
    private static String collapse(YamlText d, Node block, String inline) {
        int start = d.start(block);
        int end = d.lineEnd(d.contentEnd(block));
        int b = start;
        while (b > 0 && Character.isWhitespace(d.text().charAt(b - 1))) {
            b--;
        }
        if (b > 0 && (d.text().charAt(b - 1) == ':' || d.text().charAt(b - 1) == '-')) {
            return d.splice(b, end, " " + inline);
        }
        return d.splice(start, end, inline);
    }

    private String insert(YamlText d, MappingNode m, String key, ConfigNode value) {
        String k = ScalarRendering.yamlKey(key);
        if (m.getFlowStyle() == FlowStyle.FLOW) {
            int close = d.end(m) - 1;
            while (close > 0 && d.text().charAt(close) != '}') {
                close--;
            }
            String entry = k + ": " + ScalarRendering.yamlInline(value);
            return d.splice(close, close, m.getValue().isEmpty() ? entry : ", " + entry);
        }
        int col = d.column(m.getValue().get(0).getKeyNode());
        int at = d.lineEnd(d.contentEnd(m));
        return d.splice(at, at, d.layout().newline() + " ".repeat(col) + k + ":"
                + ScalarRendering.yamlAfterIndicator(value, col, d.layout(), true));
    }

    private String appendToEmpty(YamlText d, ConfigPath path, ConfigNode value) {
        ConfigNode tree = DocumentEdits.nest(path, 0, value, Origin.file(d.file()), "the document is empty");
        String text = d.text();
        String nl = d.layout().newline();
        String prefix = text.isEmpty() || text.endsWith("\n") ? text : text + nl;
        return prefix + ScalarRendering.yamlBlock(tree, 0, d.layout()) + nl;
    }

    private static String render(ConfigNode value, YamlLayout layout) {
        return ScalarRendering.isBlock(value) ? ScalarRendering.yamlBlock(value, 0, layout)
                : inline(value, Quoting.PLAIN, false);
    }

    private static String inline(ConfigNode value, Quoting quoting, boolean flow) {
        return value instanceof ConfigScalar s ? ScalarRendering.yamlScalar(s, quoting, flow)
                : ScalarRendering.yamlInline(value);
    }

    // ---- remove ----

    private static int entryIndex(Node node, ConfigPath.Segment seg) {
        if (seg instanceof ConfigPath.Key k && node instanceof MappingNode m) {
            for (int i = m.getValue().size() - 1; i >= 0; i--) {
                if (m.getValue().get(i).getKeyNode() instanceof ScalarNode s && s.getValue().equals(k.name())) {
                    return i;
                }
            }
        } else if (seg instanceof ConfigPath.Index ix && node instanceof SequenceNode s) {
            return ix.index() < s.getValue().size() ? ix.index() : -1;
        }
        return -1;
    }

    private static String removeEntry(YamlText d, CollectionNode<?> coll, int i) {
        int n = coll.getValue().size();
        if (coll.getFlowStyle() == FlowStyle.FLOW) {
            if (n == 1) {
                return d.splice(entryStart(d, coll, 0), entryEnd(d, coll, 0), "");
            }
            return i < n - 1 ? d.splice(entryStart(d, coll, i), entryStart(d, coll, i + 1), "")
                    : d.splice(entryEnd(d, coll, i - 1), entryEnd(d, coll, i), "");
        }
        if (n == 1 && coll != d.root()) {
            return collapse(d, coll, coll instanceof MappingNode ? "{}" : "[]");
        }
        int start = entryStart(d, coll, i);
        int lineStart = d.lineStart(start);
        if (d.text().substring(lineStart, start).isBlank()) {
            return d.splice(lineStart, d.nextLineStart(entryEnd(d, coll, i)), "");
        }
        return d.splice(start, entryStart(d, coll, i + 1), "");
    }

    /** Where entry i starts: its key, or for a block list item its dash. */
    private static int entryStart(YamlText d, CollectionNode<?> coll, int i) {
        if (coll instanceof MappingNode m) {
            return d.start(m.getValue().get(i).getKeyNode());
        }
        int start = d.start(((SequenceNode) coll).getValue().get(i));
        if (coll.getFlowStyle() == FlowStyle.FLOW) {
            return start;
        }
        int b = start;
        while (b > 0 && d.text().charAt(b - 1) != '-') {
            b--;
        }
        return b - 1;
    }

    private static int entryEnd(YamlText d, CollectionNode<?> coll, int i) {
        Node n = coll instanceof MappingNode m ? m.getValue().get(i).getValueNode()
                : ((SequenceNode) coll).getValue().get(i);
        return coll.getFlowStyle() == FlowStyle.FLOW ? d.end(n) : d.contentEnd(n);
    }

    // ---- helpers ----

    private static NodeTuple find(MappingNode m, String key) {
        int i = entryIndex(m, new ConfigPath.Key(key));
        return i < 0 ? null : m.getValue().get(i);
    }

    private static Node checkNotAlias(YamlText d, NodeTuple t, ConfigPath at) {
        Node v = t.getValueNode();
        if (d.start(v) < d.end(t.getKeyNode())) {
            throw ConfigCicdException.badInput(d.origin(t.getKeyNode()), "cannot edit " + at
                    + ": its value is an alias (*name) of a value written elsewhere", "edit the anchored value");
        }
        return v;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN
                && NULL_WORDS.contains(s.getValue());
    }

    private static boolean isFlow(Node n) {
        return n instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW;
    }

    private static Quoting quoting(Node n) {
        if (n instanceof ScalarNode s) {
            if (s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED) {
                return Quoting.DOUBLE;
            }
            if (s.getScalarStyle() == ScalarStyle.SINGLE_QUOTED) {
                return Quoting.SINGLE;
            }
        }
        return Quoting.PLAIN;
    }

    private static ConfigCicdException through(YamlText d, Node node, ConfigPath at, ConfigPath path) {
        String what = node instanceof ScalarNode ? "a scalar" : node instanceof SequenceNode ? "a list" : "a mapping";
        String name = at.isRoot() ? "the document" : at.toString();
        return ConfigCicdException.badInput(d.origin(node), "cannot set " + path + ": " + name + " is " + what,
                "set " + (at.isRoot() ? "a top-level key" : at.toString()) + " itself, or change the path");
    }

    /** The text with its composed node tree and the position arithmetic the edits need. */
    private record YamlText(String text, String file, Node root, boolean surrogates, YamlLayout layout) {

        static YamlText parse(String text, String file) {
            Node root;
            try {
                root = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text).orElse(null);
            } catch (MarkedYamlEngineException e) {
                Origin at = e.getProblemMark().map(m -> Origin.of(file, m.getLine() + 1, m.getColumn() + 1))
                        .orElse(Origin.file(file));
                throw ConfigCicdException.badInput(at, "cannot edit invalid YAML: " + e.getProblem(), "fix the file");
            } catch (YamlEngineException e) {
                throw ConfigCicdException.badInput(Origin.file(file), "cannot edit invalid YAML: " + e.getMessage(),
                        "fix the file");
            }
            boolean surrogates = text.codePointCount(0, text.length()) != text.length();
            String nl = text.contains("\r\n") ? "\r\n" : "\n";
            return new YamlText(text, file, root, surrogates, ScalarRendering.detectYamlLayout(root, nl));
        }

        int index(Mark m) {
            return surrogates ? text.offsetByCodePoints(0, m.getIndex()) : m.getIndex();
        }

        int start(Node n) {
            return index(n.getStartMark().orElseThrow());
        }

        int end(Node n) {
            return index(n.getEndMark().orElseThrow());
        }

        int column(Node n) {
            return n.getStartMark().orElseThrow().getColumn();
        }

        Origin origin(Node n) {
            Mark m = n.getStartMark().orElseThrow();
            return Origin.of(file, m.getLine() + 1, m.getColumn() + 1);
        }

        /** The end of the node's own text: block scalars without trailing line breaks, blocks at their last value. */
        int contentEnd(Node n) {
            if (n instanceof MappingNode m && m.getFlowStyle() == FlowStyle.BLOCK && !m.getValue().isEmpty()) {
                NodeTuple last = m.getValue().get(m.getValue().size() - 1);
                return Math.max(end(last.getKeyNode()), contentEnd(last.getValueNode()));
            }
            if (n instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.BLOCK && !s.getValue().isEmpty()) {
                return contentEnd(s.getValue().get(s.getValue().size() - 1));
            }
            int end = end(n);
            if (n instanceof ScalarNode s && (s.getScalarStyle() == ScalarStyle.LITERAL
                    || s.getScalarStyle() == ScalarStyle.FOLDED)) {
                while (end > start(n) && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
            }
            return end;
        }

        int lineStart(int pos) {
            return text.lastIndexOf('\n', pos - 1) + 1;
        }

        /** The position of the line break ending the line of pos ({@code \r} of a CRLF), or the text's end. */
        int lineEnd(int pos) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                return text.length();
            }
            return nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
        }

        int nextLineStart(int pos) {
            int nl = text.indexOf('\n', pos);
            return nl < 0 ? text.length() : nl + 1;
        }

        int skipSpacesBack(int pos) {
            int b = pos;
            while (b > 0 && text.charAt(b - 1) == ' ') {
                b--;
            }
            return b;
        }

        String splice(int from, int to, String replacement) {
            return text.substring(0, from) + replacement + text.substring(to);
        }
    }
}
