package io.configcicd.core.load.toml;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes trees as TOML: in each table the plain values first, then sub-tables as [headers] and lists of
 * mappings as [[headers]]; keys quoted when not bare, strings escaped.
 */
final class TomlWriter {

    private TomlWriter() {
    }

    /** A whole document; the root must be a mapping. */
    static String document(ConfigNode root) {
        if (!(root instanceof ConfigMap map)) {
            throw ConfigCicdException.badInput("a TOML document is a table, not " + root.typeNameWithArticle(),
                    "put the value under a key");
        }
        StringBuilder sb = new StringBuilder();
        body(sb, map, List.of(), "\n");
        return sb.toString();
    }

    /**
     * A table or array of tables as [path] / [[path]] blocks, each line ended by {@code nl}. The value must be
     * a mapping or a non-empty list of mappings ({@link #isTableLike}).
     */
    static String block(List<String> path, ConfigNode value, String nl) {
        StringBuilder sb = new StringBuilder();
        subTable(sb, path, value, nl);
        return sb.toString();
    }

    /** True for values written as [table] or [[array of tables]] rather than key = value. */
    static boolean isTableLike(ConfigNode value) {
        if (value instanceof ConfigMap) {
            return true;
        }
        return value instanceof ConfigList l && !l.items().isEmpty()
                && l.items().stream().allMatch(i -> i instanceof ConfigMap);
    }

    private static void body(StringBuilder sb, ConfigMap map, List<String> path, String nl) {
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            if (!isTableLike(e.getValue())) {
                sb.append(key(e.getKey())).append(" = ").append(inline(e.getValue())).append(nl);
            }
        }
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            if (isTableLike(e.getValue())) {
                List<String> sub = new ArrayList<>(path);
                sub.add(e.getKey());
                if (sb.length() > 0) {
                    sb.append(nl);
                }
                subTable(sb, sub, e.getValue(), nl);
            }
        }
    }

    private static void subTable(StringBuilder sb, List<String> path, ConfigNode value, String nl) {
        if (value instanceof ConfigMap m) {
            sb.append('[').append(dottedKey(path)).append(']').append(nl);
            body(sb, m, path, nl);
            return;
        }
        List<ConfigNode> items = ((ConfigList) value).items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(nl);
            }
            sb.append("[[").append(dottedKey(path)).append("]]").append(nl);
            body(sb, (ConfigMap) items.get(i), path, nl);
        }
    }

    /** A value on one line: scalars, [arrays] and {inline tables}. */
    static String inline(ConfigNode value) {
        StringBuilder sb = new StringBuilder();
        inline(sb, value);
        return sb.toString();
    }

    private static void inline(StringBuilder sb, ConfigNode value) {
        if (value instanceof ConfigMap m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{ ");
            boolean first = true;
            for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
                sb.append(first ? "" : ", ").append(key(e.getKey())).append(" = ");
                inline(sb, e.getValue());
                first = false;
            }
            sb.append(" }");
        } else if (value instanceof ConfigList l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "");
                inline(sb, l.get(i));
            }
            sb.append(']');
        } else {
            sb.append(scalar((ConfigScalar) value));
        }
    }

    private static String scalar(ConfigScalar s) {
        Object v = s.value();
        return switch (s.type()) {
            case STRING -> string((String) v);
            case BOOLEAN -> v.toString();
            case INTEGER -> integer(v);
            case FLOAT -> floating(v);
            case NULL -> throw ConfigCicdException.badInput("TOML has no null value",
                    "remove the key or give it a value");
            case OFFSET_DATETIME -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) v);
            case LOCAL_DATETIME -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) v);
            case LOCAL_DATE -> DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) v);
            case LOCAL_TIME -> DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) v);
        };
    }

    private static String integer(Object v) {
        if (v instanceof BigInteger b && b.bitLength() >= 64) {
            throw ConfigCicdException.badInput("integer " + b + " does not fit in TOML's 64-bit integers",
                    "write it as a string");
        }
        return v.toString();
    }

    private static String floating(Object v) {
        if (v instanceof BigDecimal d) {
            String t = d.toString();
            return t.contains(".") || t.contains("E") ? t : t + ".0";
        }
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d);
    }

    /** A key, bare when it can be, else a quoted basic string. */
    static String key(String k) {
        if (k.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < k.length(); i++) {
            if (!TomlReader.isBareKeyChar(k.charAt(i))) {
                return string(k);
            }
        }
        return k;
    }

    static String dottedKey(List<String> path) {
        StringBuilder sb = new StringBuilder();
        for (String k : path) {
            sb.append(sb.length() > 0 ? "." : "").append(key(k));
        }
        return sb.toString();
    }

    /** A basic string with escapes for quotes, backslashes and control characters. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (TomlReader.isControl(c)) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
