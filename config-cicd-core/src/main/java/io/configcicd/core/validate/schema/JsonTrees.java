package io.configcicd.core.validate.schema;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts configuration trees to Jackson trees for the schema validator. Numbers keep their Java type
 * (long, BigInteger, double, BigDecimal); temporal values (TOML dates, YAML timestamps) become their text as
 * written, so {@code "format": "date-time"} sees what the user wrote.
 */
final class JsonTrees {

    private static final JsonNodeFactory NODES = CompactNodes.INSTANCE;

    private JsonTrees() {
    }

    /**
     * What a conversion tells about the tree on its way ({@link FileSecrets} collects secrets in the same walk, so
     * the files of {@code validate --schema} are not walked twice).
     */
    interface Visitor {

        /** A visitor that wants nothing. */
        Visitor NONE = new Visitor() {
            @Override
            public boolean secretKey(String key) {
                return false;
            }

            @Override
            public void scalar(ConfigScalar scalar, boolean secret) {
            }
        };

        /** Whether a mapping key holds a secret (every value below it is one). */
        boolean secretKey(String key);

        /** A scalar, and whether a secret key is above it. */
        void scalar(ConfigScalar scalar, boolean secret);
    }

    static JsonNode toJson(ConfigNode node) {
        return toJson(node, false, Visitor.NONE);
    }

    /** The Jackson tree of a configuration tree, every key and scalar shown to {@code visitor} on the way. */
    static JsonNode toJson(ConfigNode node, Visitor visitor) {
        return toJson(node, false, visitor);
    }

    private static JsonNode toJson(ConfigNode node, boolean secret, Visitor visitor) {
        if (node instanceof ConfigMap m) {
            ObjectNode out = NODES.objectNode();
            m.entries().forEach((k, v) -> out.set(k, toJson(v, secret || visitor.secretKey(k), visitor)));
            return out;
        }
        if (node instanceof ConfigList l) {
            ArrayNode out = NODES.arrayNode();
            l.items().forEach(item -> out.add(toJson(item, secret, visitor)));
            return out;
        }
        ConfigScalar s = (ConfigScalar) node;
        visitor.scalar(s, secret);
        return scalar(s);
    }

    private static JsonNode scalar(ConfigScalar s) {
        Object v = s.value();
        switch (s.type()) {
            case NULL:
                return NODES.nullNode();
            case STRING:
                return NODES.stringNode((String) v);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) v);
            case INTEGER:
                return v instanceof BigInteger b ? NODES.numberNode(b) : NODES.numberNode(((Number) v).longValue());
            case FLOAT:
                return v instanceof BigDecimal d ? NODES.numberNode(d) : NODES.numberNode(((Number) v).doubleValue());
            default:
                return NODES.stringNode(s.text());
        }
    }
}
