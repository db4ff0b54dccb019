package io.configcicd.core.validate.policy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.repo.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the {@code policy:} settings being read, with typed field access whose errors name
 * {@code config-cicd.yaml}, the dotted key ({@code policy.debug.paths[1]}) and the file:line of the bad value.
 * Absent or null reads as an empty mapping; {@code true} or {@code false} is short for {@code {enabled: ...}}.
 */
final class PolicySection {

    private final ConfigMap map;
    private final String label;

    private PolicySection(ConfigMap map, String label) {
        this.map = map;
        this.label = label;
    }

    /** Reads {@code node}, the value of the key {@code label}; {@code around} is used when there is no node. */
    static PolicySection read(ConfigNode node, String label, Origin around) {
        if (node == null || node.isNull()) {
            return new PolicySection(ConfigMap.empty(node == null ? around : node.origin()), label);
        }
        if (node instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN) {
            return new PolicySection(ConfigMap.builder(s.origin()).put("enabled", s, s.origin()).build(), label);
        }
        if (node instanceof ConfigMap m) {
            return new PolicySection(m, label);
        }
        throw error(node.origin(), label + " must be a mapping, found " + describe(node),
                "write " + label + ": {enabled: true} (or " + label + ": false to turn it off)");
    }

    /** The sub-section under {@code field}. */
    PolicySection section(String field) {
        return read(map.getOrNull(field), label + "." + field, map.origin());
    }

    /** Rejects fields outside {@code allowed}, naming the ones that may be written. */
    void onlyFields(List<String> allowed) {
        Set<String> known = Set.copyOf(allowed);
        for (String key : map.entries().keySet()) {
            if (!known.contains(key)) {
                throw error(map.keyOrigin(key), "unknown field '" + key + "' in " + label,
                        "the fields of " + label + " are " + String.join(", ", allowed));
            }
        }
    }

    /** {@code enabled:}, true when absent. */
    boolean enabled() {
        ConfigNode n = map.getOrNull("enabled");
        if (n == null) {
            return true;
        }
        if (n instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN) {
            return (Boolean) s.value();
        }
        throw error(n.origin(), label + ".enabled must be true or false, found " + describe(n),
                "write enabled: true or enabled: false");
    }

    /**
     * A list of strings, each with its origin; a single string is a list of one. Empty when the field is absent.
     *
     * @param allowEmpty whether {@code []} may be written
     */
    Optional<List<ConfigScalar>> strings(String field, boolean allowEmpty, String example) {
        ConfigNode n = map.getOrNull(field);
        if (n == null) {
            return Optional.empty();
        }
        String where = label + "." + field;
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return Optional.of(List.of(s));
        }
        if (!(n instanceof ConfigList list) || (list.size() == 0 && !allowEmpty)) {
            throw error(n.origin(), where + " must be a " + (allowEmpty ? "" : "non-empty ") + "list of strings, found "
                    + describe(n), "write " + example);
        }
        List<ConfigScalar> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigNode item = list.get(i);
            if (!(item instanceof ConfigScalar s) || s.type() != ScalarType.STRING || ((String) s.value()).isBlank()) {
                throw error(item.origin(), where + "[" + i + "] must be a non-empty string, found " + describe(item),
                        "write " + example);
            }
            out.add(s);
        }
        return Optional.of(out);
    }

    String label() {
        return label;
    }

    static ConfigCicdException error(Origin at, String problem, String hint) {
        return ConfigCicdException.badInput(at, Settings.FILE_NAME + ": " + problem, hint);
    }

    private static String describe(ConfigNode n) {
        return n instanceof ConfigScalar s && s.type() != ScalarType.NULL
                ? n.typeName() + " '" + s.asText() + "'" : n.typeName();
    }
}
