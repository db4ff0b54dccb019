package io.configcicd.core.validate.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.NumericNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.databind.node.ValueNode;

/**
 * The node factory of every tree the schema validator sees (schemas, meta-schemas, validated files). Its nodes are
 * Jackson's own node types, equal to and interchangeable with them, except that {@code toString()} writes the
 * compact JSON text itself instead of through Jackson's shared {@code ObjectMapper}: networknt calls it while it
 * compiles any {@code enum} and while it words some errors, and the first call would otherwise build that mapper,
 * the most expensive step of a short run. The text is the one Jackson writes: strings escaped as its generator
 * escapes them, doubles as {@link Double#toString} (non-finite ones quoted), decimals as {@link BigDecimal#toString}.
 */
final class CompactNodes extends JsonNodeFactory {

    static final CompactNodes INSTANCE = new CompactNodes();

    private static final long serialVersionUID = 1L;
    private static final BooleanNode TRUE = new Bool(true);
    private static final BooleanNode FALSE = new Bool(false);
    private static final NullNode NULL = new Null();

    private CompactNodes() {
    }

    @Override
    public BooleanNode booleanNode(boolean v) {
        return v ? TRUE : FALSE;
    }

    @Override
    public NullNode nullNode() {
        return NULL;
    }

    @Override
    public NumericNode numberNode(int v) {
        return new IntValue(v);
    }

    @Override
    public NumericNode numberNode(long v) {
        return new LongValue(v);
    }

    @Override
    public ValueNode numberNode(BigInteger v) {
        return v == null ? NULL : new BigIntValue(v);
    }

    @Override
    public NumericNode numberNode(double v) {
        return new DoubleValue(v);
    }

    @Override
    public ValueNode numberNode(BigDecimal v) {
        return v == null ? NULL : new DecimalValue(v);
    }

    @Override
    public StringNode stringNode(String text) {
        return text == null ? null : new Text(text);
    }

    @Override
    public ArrayNode arrayNode() {
        return new Array(this);
    }

    @Override
    public ArrayNode arrayNode(int capacity) {
        return new Array(this);
    }

    @Override
    public ObjectNode objectNode() {
        return new Obj(this);
    }

    /** Compact JSON text of a tree, as Jackson writes it. */
    static String json(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.append(first ? "" : ",");
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            quote(node.stringValue(), out);
        } else if (node.isDouble() || node.isFloat()) {
            double d = node.doubleValue();
            out.append(Double.isFinite(d) ? Double.toString(d) : '"' + Double.toString(d) + '"');
        } else if (node.isNumber()) {
            out.append(node.numberValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            out.append(node);
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, out);
        out.append('"');
    }

    private static final class Bool extends BooleanNode {
        private static final long serialVersionUID = 1L;

        Bool(boolean v) {
            super(v);
        }

        @Override
        public String toString() {
            return json(this);
        }
    }

    private static final class Null extends NullNode {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "null";
        }
    }

    private static final class IntValue extends IntNode {
        private static final long serialVersionUID = 1L;

        IntValue(int v) {
            super(v);
        }

        @Override
        public String toString() {
            return json(this);
        }
    }

    private static final class LongValue extends LongNode {
        private static final long serialVersionUID = 1L;

        LongValue(long v) {
            super(v);
        }

        @Override
        public String toString() {
            return json(this);
        }
    }

    private static final class BigIntValue extends BigIntegerNode {
        private static final long serialVersionUID = 1L;

        BigIntValue(BigInteger v) {
            super(v);
        }

        @Override
        public String toString() {
            return json(this);
        }
    }

    private static final class DoubleValue extends DoubleNode {
        private static final long serialVersionUID = 1L;

        DoubleValue(double v) {
            super(v);
        }

        @Override
        public String toString() {
            return json(this);
        }
    }

    private static final class DecimalValue extends DecimalNode {
        private static final long serialVersionUID = 1L;

        DecimalValue(BigDecimal v) {
            super(v);
        }

        @Override
        public String toString() {
            return json(this);
        }
    }

    private static final class Text extends StringNode {
        private static final long serialVersionUID = 1L;

        Text(String v) {
            super(v);
        }

        @Override
        public String toString() {
            return json(this);
        }
    }

    private static final class Array extends ArrayNode {
        private static final long serialVersionUID = 1L;

        Array(JsonNodeFactory nodes) {
            super(nodes);
        }

        @Override
        public String toString() {
            return json(this);
        }
    }

    private static final class Obj extends ObjectNode {
        private static final long serialVersionUID = 1L;

        Obj(JsonNodeFactory nodes) {
            super(nodes);
        }

        @Override
        public String toString() {
            return json(this);
        }
    }
}
