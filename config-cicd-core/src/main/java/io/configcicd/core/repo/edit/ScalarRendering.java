package io.configcicd.core.repo.edit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.yaml.YamlScalars;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Renders scalars, and the values built from them, as YAML or JSON text that reads back as the same value and
 * type. Strings that a YAML 1.1 or 1.2 reader would take for another type ({@code "5"}, {@code "yes"},
 * {@code "2024-01-01"}) are quoted.
 */
final class ScalarRendering {

    /** How the existing text writes a scalar; decides the quoting of a new string in its place. */
    enum Quoting { PLAIN, SINGLE, DOUBLE }

    /** Layout of YAML block values: spaces per nesting level, extra indentation of a list under a key, newline. */
    record YamlLayout(int unit, int sequenceIndent, String newline) {
    }

    /** Layout of JSON values: one level of indentation, newline, the text between a key and its value. */
    record JsonLayout(String unit, String newline, String colon, boolean compact) {
    }

    private ScalarRendering() {
    }

    // ---- YAML ----

    /** A YAML scalar; a string keeps the given quoting when that quoting can hold it and reads back as a string. */
    static String yamlScalar(ConfigScalar s, Quoting old, boolean flow) {
        return switch (s.type()) {
            case NULL -> "null";
            case BOOLEAN, INTEGER -> s.value().toString();
            case FLOAT -> yamlFloat(s.value());
            case STRING -> yamlString((String) s.value(), old, flow);
            default -> s.text();
        };
    }

    static String yamlString(String v, Quoting old, boolean flow) {
        if (old == Quoting.DOUBLE) {
            return doubleQuoted(v);
        }
        if (old == Quoting.SINGLE && printableOneLine(v)) {
            return "'" + v.replace("'", "''") + "'";
        }
        return plainSafe(v, flow) ? v : doubleQuoted(v);
    }

    /** A mapping key: plain when it reads back as the same string, double-quoted otherwise. */
    static String yamlKey(String key) {
        return plainSafe(key, true) ? key : doubleQuoted(key);
    }

    /** A value on one line: scalars, empty collections, and flow collections for the rest. */
    static String yamlInline(ConfigNode v) {
        if (v instanceof ConfigScalar s) {
            return yamlScalar(s, Quoting.PLAIN, true);
        }
        StringBuilder sb = new StringBuilder();
        if (v instanceof ConfigMap m) {
            sb.append('{');
            join(sb, m.entries().entrySet().iterator(), e -> yamlKey(e.getKey()) + ": " + yamlInline(e.getValue()));
            return sb.append('}').toString();
        }
        sb.append('[');
        join(sb, ((ConfigList) v).items().iterator(), ScalarRendering::yamlInline);
        return sb.append(']').toString();
    }

    static boolean isBlock(ConfigNode v) {
        return v instanceof ConfigMap m ? !m.isEmpty() : v instanceof ConfigList l && !l.items().isEmpty();
    }

    /**
     * A non-empty map or list in block style whose first line starts at the current position and whose other
     * lines are indented to column {@code col}; no trailing newline.
     */
    static String yamlBlock(ConfigNode v, int col, YamlLayout layout) {
        StringBuilder sb = new StringBuilder();
        String pad = " ".repeat(col);
        if (v instanceof ConfigMap m) {
            boolean first = true;
            for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
                sb.append(first ? "" : layout.newline() + pad).append(yamlKey(e.getKey())).append(':');
                sb.append(yamlAfterIndicator(e.getValue(), col, layout, true));
                first = false;
            }
        } else {
            boolean first = true;
            for (ConfigNode item : ((ConfigList) v).items()) {
                sb.append(first ? "" : layout.newline() + pad).append('-');
                sb.append(isBlock(item) ? " " + yamlBlock(item, col + 2, layout) : " " + yamlInline(item));
                first = false;
            }
        }
        return sb.toString();
    }

    /** The text after {@code key:} for a value under a key at column {@code col}. */
    static String yamlAfterIndicator(ConfigNode value, int col, YamlLayout layout, boolean underKey) {
        if (!isBlock(value)) {
            return " " + (value instanceof ConfigScalar s ? yamlScalar(s, Quoting.PLAIN, false) : yamlInline(value));
        }
        int childCol = col + (value instanceof ConfigList && underKey ? layout.sequenceIndent() : layout.unit());
        return layout.newline() + " ".repeat(childCol) + yamlBlock(value, childCol, layout);
    }

    private static String yamlFloat(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return ".nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? ".inf" : "-.inf";
            }
        }
        return decimalText(value);
    }

    /** A float with a dot and, when it needs an exponent, a signed one ({@code 1.0e+20}), valid YAML 1.1 and 1.2. */
    private static String decimalText(Object value) {
        BigDecimal d = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).doubleValue());
        double abs = Math.abs(d.doubleValue());
        if (abs != 0 && (abs < 1e-4 || abs >= 1e15)) {
            String t = d.stripTrailingZeros().toString().toLowerCase(Locale.ROOT);
            String mantissa = t.substring(0, t.indexOf('e'));
            String exp = t.substring(t.indexOf('e') + 1);
            return (mantissa.contains(".") ? mantissa : mantissa + ".0") + "e" + (exp.startsWith("-") ? exp : "+"
                    + exp.replace("+", ""));
        }
        String plain = d.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    static boolean plainSafe(String v, boolean flow) {
        return !YamlScalars.needsQuotes(v, flow);
    }

    private static boolean printableOneLine(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                return false;
            }
        }
        return true;
    }

    static String doubleQuoted(String v) {
        return YamlScalars.doubleQuoted(v);
    }

    /** Indentation habits read from the existing YAML blocks, so new blocks look like their neighbours. */
    static YamlLayout detectYamlLayout(Node root, String newline) {
        int[] found = {-1, -1};
        if (root != null) {
            visitLayout(root, found);
        }
        int unit = found[0] > 0 ? found[0] : 2;
        return new YamlLayout(unit, found[1] >= 0 ? found[1] : unit, newline);
    }

    /** Records in found[0] the first nested map's indentation and in found[1] the first list-under-key's. */
    private static void visitLayout(Node n, int[] found) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                Node v = t.getValueNode();
                int keyCol = t.getKeyNode().getStartMark().orElseThrow().getColumn();
                int valueCol = v.getStartMark().orElseThrow().getColumn();
                boolean block = v instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.BLOCK;
                if (block && v instanceof MappingNode && found[0] < 0 && valueCol > keyCol) {
                    found[0] = valueCol - keyCol;
                } else if (block && v instanceof SequenceNode && found[1] < 0 && valueCol >= keyCol) {
                    found[1] = valueCol - keyCol;
                }
                visitLayout(v, found);
            }
        } else if (n instanceof SequenceNode s) {
            s.getValue().forEach(item -> visitLayout(item, found));
        }
    }

    // ---- JSON ----

    /** A JSON value; containers on several lines indented from {@code indent} unless the layout is compact. */
    static String json(ConfigNode v, String indent, JsonLayout layout) {
        if (v instanceof ConfigScalar s) {
            return jsonScalar(s);
        }
        boolean isMap = v instanceof ConfigMap;
        boolean empty = isMap ? ((ConfigMap) v).isEmpty() : ((ConfigList) v).items().isEmpty();
        if (empty) {
            return isMap ? "{}" : "[]";
        }
        String inner = indent + layout.unit();
        String open = layout.compact() ? "" : layout.newline() + inner;
        String sep = layout.compact() ? ", " : "," + layout.newline() + inner;
        StringBuilder sb = new StringBuilder().append(isMap ? '{' : '[').append(open);
        Iterator<?> it = isMap ? ((ConfigMap) v).entries().entrySet().iterator() : ((ConfigList) v).items().iterator();
        boolean first = true;
        while (it.hasNext()) {
            Object o = it.next();
            sb.append(first ? "" : sep);
            if (o instanceof Map.Entry<?, ?> e) {
                sb.append(jsonString((String) e.getKey())).append(layout.colon())
                        .append(json((ConfigNode) e.getValue(), inner, layout));
            } else {
                sb.append(json((ConfigNode) o, inner, layout));
            }
            first = false;
        }
        sb.append(layout.compact() ? "" : layout.newline() + indent);
        return sb.append(isMap ? '}' : ']').toString();
    }

    static String jsonScalar(ConfigScalar s) {
        if (s.type() == ScalarType.FLOAT && s.value() instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw ConfigCicdException.badInput("JSON cannot hold the number " + d, "use a finite number or a string");
        }
        return switch (s.type()) {
            case NULL -> "null";
            case BOOLEAN, INTEGER -> s.value().toString();
            case FLOAT -> decimalText(s.value());
            case STRING -> jsonString((String) s.value());
            default -> jsonString(s.text());
        };
    }

    static String jsonString(String v) {
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c < 0x20 || c == 0x2028 || c == 0x2029 ? String.format("\\u%04x", (int) c)
                        : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }

    private static <T> void join(StringBuilder sb, Iterator<T> it, java.util.function.Function<T, String> f) {
        boolean first = true;
        while (it.hasNext()) {
            sb.append(first ? "" : ", ").append(f.apply(it.next()));
            first = false;
        }
    }
}
