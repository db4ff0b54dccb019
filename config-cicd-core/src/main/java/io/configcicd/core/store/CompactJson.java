package io.configcicd.core.store;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.core.io.JsonStringEncoder;

/** Compact JSON text (no spaces) of values and strings, as the keys layout and the content hash need it. */
final class CompactJson {

    private CompactJson() {
    }

    static String write(ConfigNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    static void write(ConfigNode node, StringBuilder out) {
        if (node instanceof ConfigMap map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node instanceof ConfigList list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            scalar((ConfigScalar) node, out);
        }
    }

    /** A scalar as JSON writes it: strings quoted, numbers and booleans bare, dates and times as quoted text. */
    static void scalar(ConfigScalar s, StringBuilder out) {
        switch (s.type()) {
            case NULL -> out.append("null");
            case BOOLEAN, INTEGER -> out.append(s.value());
            case FLOAT -> out.append(number(s));
            case STRING -> quote((String) s.value(), out);
            default -> quote(s.text(), out);
        }
    }

    /** A scalar's text in the keys layout: strings and dates as they are, numbers, booleans and null as JSON writes them. */
    static String text(ConfigScalar s) {
        return switch (s.type()) {
            case STRING -> (String) s.value();
            case NULL -> "null";
            case BOOLEAN, INTEGER -> String.valueOf(s.value());
            case FLOAT -> number(s);
            default -> s.text();
        };
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, out);
        out.append('"');
    }

    private static String number(ConfigScalar s) {
        if (s.value() instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw ConfigCicdException.badInput(s.origin(), "a store cannot hold the number " + s.text()
                        + " as JSON", "write it as a string");
            }
            return Double.toString(d);
        }
        String text = ((BigDecimal) s.value()).toString();
        return text.contains(".") || text.contains("E") ? text : text + ".0";
    }
}
