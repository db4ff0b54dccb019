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

    static JsonNode toJson(ConfigNode node) {
        if (node instanceof ConfigMap m) {
            ObjectNode out = NODES.objectNode();
            m.entries().forEach((k, v) -> out.set(k, toJson(v)));
            return out;
        }
        if (node instanceof ConfigList l) {
            ArrayNode out = NODES.arrayNode();
            l.items().forEach(item -> out.add(toJson(item)));
            return out;
        }
        return scalar((ConfigScalar) node);
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
