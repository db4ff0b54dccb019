package io.configcicd.core.load.yaml;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a tree as block-style YAML: two-space indentation, keys in order, strings double-quoted only when a
 * plain scalar would read back as something else (another type, a YAML indicator, surrounding spaces, special
 * characters). Words that YAML 1.1 readers take for booleans ({@code yes}, {@code off}) are quoted as well, so
 * other tools read the file the same way.
 */
final class YamlWriter {


    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {
    }

    static String document(ConfigNode root) {
        YamlWriter w = new YamlWriter();
        if (root instanceof ConfigMap map && !map.isEmpty()) {
            w.map(map, 0, false);
        } else if (root instanceof ConfigList list && !list.items().isEmpty()) {
            w.list(list, 0, false);
        } else {
            w.out.append(inline(root)).append('\n');
        }
        return w.out.toString();
    }

    private void map(ConfigMap map, int indent, boolean firstInline) {
        boolean first = true;
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            if (!(first && firstInline)) {
                pad(indent);
            }
            first = false;
            out.append(string(e.getKey())).append(':');
            ConfigNode v = e.getValue();
            if (v instanceof ConfigMap m && !m.isEmpty()) {
                out.append('\n');
                map(m, indent + 2, false);
            } else if (v instanceof ConfigList l && !l.items().isEmpty()) {
                out.append('\n');
                list(l, indent + 2, false);
            } else {
                out.append(' ').append(inline(v)).append('\n');
            }
        }
    }

    private void list(ConfigList list, int indent, boolean firstInline) {
        boolean first = true;
        for (ConfigNode item : list.items()) {
            if (!(first && firstInline)) {
                pad(indent);
            }
            first = false;
            out.append("- ");
            if (item instanceof ConfigMap m && !m.isEmpty()) {
                map(m, indent + 2, true);
            } else if (item instanceof ConfigList l && !l.items().isEmpty()) {
                list(l, indent + 2, true);
            } else {
                out.append(inline(item)).append('\n');
            }
        }
    }

    private void pad(int indent) {
        out.append(" ".repeat(indent));
    }

    /** A scalar, an empty mapping or an empty list on one line. */
    private static String inline(ConfigNode node) {
        if (node instanceof ConfigMap) {
            return "{}";
        }
        if (node instanceof ConfigList) {
            return "[]";
        }
        ConfigScalar s = (ConfigScalar) node;
        return switch (s.type()) {
            case NULL -> "null";
            case BOOLEAN, INTEGER -> String.valueOf(s.value());
            case FLOAT -> number(s.value());
            case STRING -> string((String) s.value());
            default -> string(s.text());
        };
    }

    private static String number(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return ".nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return Double.toString(d);
        }
        String text = ((BigDecimal) value).toString();
        return text.contains(".") || text.contains("E") ? text : text + ".0";
    }

    /** A string as a plain scalar when that reads back as the same string, else double-quoted. */
    static String string(String s) {
        return YamlScalars.string(s, false);
    }
}
