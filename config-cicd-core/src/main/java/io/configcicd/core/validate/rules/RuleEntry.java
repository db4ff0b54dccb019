package io.configcicd.core.validate.rules;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One entry of {@code rules:} being read: typed field access whose errors name the entry and file:line. */
final class RuleEntry {

    private final ConfigMap map;
    private final String label;

    RuleEntry(ConfigMap map, String label) {
        this.map = map;
        this.label = label;
    }

    Origin origin() {
        return map.origin();
    }

    String label() {
        return label;
    }

    boolean has(String field) {
        ConfigNode n = map.getOrNull(field);
        return n != null && !n.isNull();
    }

    /** Rejects fields outside {@code allowed}, listing the ones that may be written. */
    void onlyFields(Set<String> allowed, String type) {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                throw error(map.keyOrigin(key), "unknown field '" + key + "' for type " + type,
                        "the fields of a " + type + " rule are " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    String string(String field, String example) {
        ConfigNode n = required(field, example);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING && !((String) s.value()).isBlank()) {
            return (String) s.value();
        }
        throw wrong(field, n, "a non-empty string", example);
    }

    Optional<String> optString(String field, String example) {
        return has(field) ? Optional.of(string(field, example)) : Optional.empty();
    }

    /** A list of strings; a single string is taken as a list of one. Empty when the field is absent. */
    List<String> strings(String field, String example) {
        if (!has(field)) {
            return List.of();
        }
        ConfigNode n = map.getOrNull(field);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return List.of((String) s.value());
        }
        if (!(n instanceof ConfigList l) || l.size() == 0) {
            throw wrong(field, n, "a non-empty list of strings", example);
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : l.items()) {
            if (!(item instanceof ConfigScalar s) || s.type() != ScalarType.STRING) {
                throw wrong(field + "[]", item, "a string", example);
            }
            out.add((String) s.value());
        }
        return out;
    }

    List<ConfigNode> scalars(String field, String example) {
        ConfigNode n = required(field, example);
        if (!(n instanceof ConfigList l) || l.size() == 0) {
            throw wrong(field, n, "a non-empty list", example);
        }
        for (ConfigNode item : l.items()) {
            if (!(item instanceof ConfigScalar)) {
                throw wrong(field + "[]", item, "a scalar (string, number, boolean)", example);
            }
        }
        return l.items();
    }

    Optional<BigDecimal> optNumber(String field, String example) {
        if (!has(field)) {
            return Optional.empty();
        }
        ConfigNode n = map.getOrNull(field);
        if (n instanceof ConfigScalar s && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.FLOAT)) {
            try {
                return Optional.of(new BigDecimal(s.value().toString()));
            } catch (NumberFormatException e) {
                throw wrong(field, n, "a finite number", example);
            }
        }
        throw wrong(field, n, "a number", example);
    }

    Optional<Quantity> optQuantity(String field, String example) {
        if (!has(field)) {
            return Optional.empty();
        }
        ConfigNode n = map.getOrNull(field);
        if (n instanceof ConfigScalar s && s.type() != ScalarType.BOOLEAN) {
            Optional<Quantity> q = Quantity.tryParse(s.asText());
            if (q.isPresent()) {
                return q;
            }
        }
        throw wrong(field, n, "a quantity such as 512Mi, 2Gi, 1GB, 1.5 or 500m", example);
    }

    ConfigNode node(String field) {
        return map.getOrNull(field);
    }

    ConfigCicdException wrong(String field, ConfigNode n, String expected, String example) {
        String found = n instanceof ConfigScalar s && s.type() != ScalarType.NULL
                ? n.typeName() + " '" + s.asText() + "'" : n.typeName();
        return error(n.origin(), "field '" + field + "' must be " + expected + ", found " + found, "write " + example);
    }

    ConfigCicdException error(Origin at, String problem, String hint) {
        return ConfigCicdException.badInput(at.isKnown() ? at : map.origin(), label + ": " + problem, hint);
    }

    private ConfigNode required(String field, String example) {
        if (!has(field)) {
            throw error(map.origin(), "field '" + field + "' is required", "write " + example);
        }
        return map.getOrNull(field);
    }
}
