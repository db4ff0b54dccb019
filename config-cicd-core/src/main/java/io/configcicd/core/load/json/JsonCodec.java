package io.configcicd.core.load.json;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.FormatCodec;
import io.configcicd.core.load.JacksonTreeReader;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.Utf8;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Format;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Strict JSON (RFC 8259): no comments, trailing commas, single quotes, NaN, leading zeros or raw control
 * characters. The root may be any value; an empty file is an error because it is not JSON.
 */
public final class JsonCodec implements FormatCodec {

    private static final JsonReadFeature[] LENIENCIES = {
        JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
        JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
        JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
        JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
        JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
        JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
        JsonReadFeature.ALLOW_HEXADECIMAL_NUMBERS, JsonReadFeature.ALLOW_MISSING_VALUES,
        JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_RS_CONTROL_CHAR,
    };

    /** The factory of the last limits used; limits rarely change, so one entry is enough. */
    private volatile Cached cached;

    private record Cached(LoadLimits limits, JsonFactory factory) {
    }

    @Override
    public Format format() {
        return Format.JSON;
    }

    @Override
    public ConfigNode parse(byte[] content, String file, LoadLimits limits) {
        if (content.length > limits.maxDocumentBytes()) {
            throw JacksonTreeReader.sizeError(file, content.length, limits);
        }
        return parseText(Utf8.decode(content, file), file, limits);
    }

    /** Parses text that is already decoded. */
    public ConfigNode parseText(String text, String file, LoadLimits limits) {
        try (JsonParser parser = factory(limits).createParser(ObjectReadContext.empty(), text)) {
            return JacksonTreeReader.read(parser, file, limits, JacksonTreeReader.JSON);
        }
    }

    private JsonFactory factory(LoadLimits limits) {
        Cached c = cached;
        if (c == null || !c.limits().equals(limits)) {
            c = new Cached(limits, build(limits));
            cached = c;
        }
        return c.factory();
    }

    private static JsonFactory build(LoadLimits limits) {
        // One above each limit: the tree reader's own checks come first and name the token's line and column;
        // the parser's constraints stay as the backstop that bounds memory and stack.
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(above(limits.maxDepth()))
                .maxStringLength(above(limits.maxStringLength()))
                .maxNameLength(above(limits.maxStringLength()))
                .maxNumberLength(above(limits.maxNumberLength()))
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
        var builder = JsonFactory.builder().streamReadConstraints(constraints)
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        for (JsonReadFeature f : LENIENCIES) {
            builder.disable(f);
        }
        return builder.build();
    }

    private static int above(int limit) {
        return limit == Integer.MAX_VALUE ? limit : limit + 1;
    }

    @Override
    public String render(ConfigNode root) {
        StringBuilder out = new StringBuilder();
        write(root, 0, out);
        return out.append('\n').toString();
    }

    private static void write(ConfigNode node, int indent, StringBuilder out) {
        if (node instanceof ConfigMap map) {
            writeMap(map, indent, out);
        } else if (node instanceof ConfigList list) {
            writeList(list, indent, out);
        } else {
            writeScalar((ConfigScalar) node, out);
        }
    }

    private static void writeMap(ConfigMap map, int indent, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<Map.Entry<String, ConfigNode>> it = map.entries().entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ConfigNode> e = it.next();
            pad(indent + 1, out);
            quote(e.getKey(), out);
            out.append(": ");
            write(e.getValue(), indent + 1, out);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        pad(indent, out);
        out.append('}');
    }

    private static void writeList(ConfigList list, int indent, StringBuilder out) {
        if (list.items().isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            pad(indent + 1, out);
            write(list.get(i), indent + 1, out);
            out.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        pad(indent, out);
        out.append(']');
    }

    private static void writeScalar(ConfigScalar s, StringBuilder out) {
        switch (s.type()) {
            case NULL -> out.append("null");
            case BOOLEAN, INTEGER -> out.append(s.value());
            case FLOAT -> out.append(number(s));
            case STRING -> quote((String) s.value(), out);
            default -> quote(s.text(), out);
        }
    }

    private static String number(ConfigScalar s) {
        if (s.value() instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw ConfigCicdException.badInput(s.origin(), "JSON cannot hold the number " + s.text(),
                        "write it as a string or keep this value in a YAML file");
            }
            return Double.toString(d);
        }
        String text = ((BigDecimal) s.value()).toString();
        return text.contains(".") || text.contains("E") ? text : text + ".0";
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, out);
        out.append('"');
    }

    private static void pad(int indent, StringBuilder out) {
        out.append("  ".repeat(indent));
    }
}
