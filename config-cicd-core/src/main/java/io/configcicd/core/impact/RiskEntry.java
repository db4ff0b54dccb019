package io.configcicd.core.impact;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One mapping of the {@code risk:} section being read: typed field access whose errors name file:line. */
final class RiskEntry {

    private final ConfigMap map;
    private final String label;

    RiskEntry(ConfigMap map, String label) {
        this.map = map;
        this.label = label;
    }

    /** The entry at {@code node}, which must be a mapping. */
    static RiskEntry of(ConfigNode node, String label, Origin fallback, String example) {
        if (node instanceof ConfigMap m) {
            return new RiskEntry(m, label);
        }
        Origin at = node.origin().isKnown() ? node.origin() : fallback;
        throw ConfigCicdException.badInput(at, label + ": must be a mapping, found " + node.typeName(),
                "write " + example);
    }

    boolean has(String field) {
        ConfigNode n = map.getOrNull(field);
        return n != null && !n.isNull();
    }

    ConfigNode node(String field) {
        return map.getOrNull(field);
    }

    void onlyFields(Set<String> allowed) {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                throw error(map.keyOrigin(key), "unknown field '" + key + "'",
                        "the fields are " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    String string(String field, String example) {
        if (!has(field)) {
            throw error(map.origin(), "field '" + field + "' is required", "write " + example);
        }
        ConfigNode n = map.getOrNull(field);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING && !((String) s.value()).isBlank()) {
            return (String) s.value();
        }
        throw wrong(field, n, "a non-empty string", example);
    }

    Optional<String> optString(String field, String example) {
        return has(field) ? Optional.of(string(field, example)) : Optional.empty();
    }

    PathGlob glob(String field, String example) {
        String text = string(field, example);
        try {
            return PathGlob.parse(text);
        } catch (IllegalArgumentException e) {
            throw wrong(field, map.getOrNull(field), "a path glob (" + e.getMessage() + ")", example);
        }
    }

    RiskLevel level(String field, String example) {
        String text = string(field, example);
        try {
            return RiskLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw wrong(field, map.getOrNull(field), "low, medium, high or critical", example);
        }
    }

    /** A list of strings; a single string is a list of one. */
    List<String> strings(String field, String example) {
        ConfigNode n = map.getOrNull(field);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return List.of((String) s.value());
        }
        if (!(n instanceof ConfigList l) || l.size() == 0) {
            throw n == null ? error(map.origin(), "field '" + field + "' is required", "write " + example)
                    : wrong(field, n, "a non-empty list of strings", example);
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : l.items()) {
            if (!(item instanceof ConfigScalar s) || s.type() != ScalarType.STRING || ((String) s.value()).isBlank()) {
                throw wrong(field + "[]", item, "a non-empty string", example);
            }
            out.add((String) s.value());
        }
        return out;
    }

    boolean bool(String field, boolean otherwise, String example) {
        if (!has(field)) {
            return otherwise;
        }
        ConfigNode n = map.getOrNull(field);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN) {
            return (Boolean) s.value();
        }
        throw wrong(field, n, "true or false", example);
    }

    /** A fraction in (0, 1); {@code false} gives 0 (disabled). */
    double fraction(String field, double otherwise, String example) {
        if (!has(field)) {
            return otherwise;
        }
        ConfigNode n = map.getOrNull(field);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN && !((Boolean) s.value())) {
            return 0;
        }
        if (n instanceof ConfigScalar s && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.FLOAT)
                && s.value() instanceof Number number) {
            double d = number.doubleValue();
            if (d > 0 && d < 1) {
                return d;
            }
        }
        throw wrong(field, n, "a fraction between 0 and 1 (exclusive), or false", example);
    }

    ConfigCicdException wrong(String field, ConfigNode n, String expected, String example) {
        String found = n instanceof ConfigScalar s && s.type() != ScalarType.NULL
                ? n.typeName() + " '" + s.asText() + "'" : n.typeName();
        return error(n.origin(), "field '" + field + "' must be " + expected + ", found " + found, "write " + example);
    }

    ConfigCicdException error(Origin at, String problem, String hint) {
        return ConfigCicdException.badInput(at.isKnown() ? at : map.origin(), label + ": " + problem, hint);
    }
}
