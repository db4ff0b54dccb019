package io.configcicd.core.validate.schema;

import com.networknt.schema.InputFormat;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.serialization.BasicNodeReader;
import com.networknt.schema.serialization.NodeReader;
import java.io.InputStream;
import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the schema registry of a {@link SchemaSet} reads documents, without a Jackson {@code ObjectMapper}: building
 * the first mapper of a process (its type, date and locale machinery) costs more than everything else a short
 * {@code validate --schema} run does before its first file.
 *
 * <p>Our own schema documents are already trees: {@link #source} hands one to the registry as a {@link Tree}
 * stream, which this reader returns as it is. Anything else the registry loads (the meta-schemas of a draft, from
 * networknt's jar) is JSON read with Jackson's streaming parser into the nodes networknt's own reader would make:
 * integers as int, long or big-integer nodes by size, decimals as double nodes unless a double would change their
 * value. YAML, which only a document named {@code .yaml} that is not ours could be, goes to networknt's own reader.
 * Every node comes from {@link CompactNodes}.
 */
final class TreeReader implements NodeReader {

    static final TreeReader INSTANCE = new TreeReader();

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonNodeFactory NODES = CompactNodes.INSTANCE;

    private TreeReader() {
    }

    /** A stream that carries a tree already built; it has no bytes. */
    static final class Tree extends InputStream {

        private final JsonNode tree;

        Tree(JsonNode tree) {
            this.tree = tree;
        }

        @Override
        public int read() {
            return -1;
        }
    }

    /** The source of a resource that is this tree. */
    static InputStreamSource source(JsonNode tree) {
        return () -> new Tree(tree);
    }

    @Override
    public JsonNode readTree(String content, InputFormat format) {
        if (format == InputFormat.YAML) {
            return BasicNodeReader.getInstance().readTree(content, format);
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), content)) {
            return document(parser);
        }
    }

    @Override
    public JsonNode readTree(InputStream in, InputFormat format) {
        if (in instanceof Tree t) {
            return t.tree;
        }
        if (format == InputFormat.YAML) {
            return BasicNodeReader.getInstance().readTree(in, format);
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
            return document(parser);
        }
    }

    private static JsonNode document(JsonParser parser) {
        JsonToken first = parser.nextToken();
        return first == null ? NODES.missingNode() : value(parser, first);
    }

    private static JsonNode value(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                return array;
            case VALUE_STRING:
                return NODES.stringNode(parser.getString());
            case VALUE_NUMBER_INT:
                return integer(parser);
            case VALUE_NUMBER_FLOAT:
                return decimal(parser);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static JsonNode integer(JsonParser parser) {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    /** A double node when the double's shortest form is the same number (or it is too large), else the exact decimal. */
    private static JsonNode decimal(JsonParser parser) {
        double d = parser.getDoubleValue();
        if (!Double.isFinite(d)) {
            return NODES.numberNode(d);
        }
        BigDecimal exact = parser.getDecimalValue();
        return BigDecimal.valueOf(d).compareTo(exact) == 0 ? NODES.numberNode(d) : NODES.numberNode(exact);
    }
}
