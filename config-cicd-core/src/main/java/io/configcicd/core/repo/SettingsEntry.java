package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of {@code config-cicd.yaml} being read (a rule, a waiver, the {@code risk:} or {@code impact:}
 * section): typed field access whose errors name the entry, the file:line of the offending value and an example
 * to write instead. The sections' readers add their own field types in subclasses.
 */
public class SettingsEntry {

    private final ConfigMap map;
    private final String label;

    /**
     * @param map   the mapping
     * @param label how errors name the entry, for example {@code config-cicd.yaml: rules[2]}
     */
    public SettingsEntry(ConfigMap map, String label) {
        this.map = map;
        this.label = label;
    }

    /**
     * The mapping at {@code node}.
     *
     * @throws ConfigCicdException bad input at the node (or at {@code fallback}) when it is not a mapping
     */
    public static ConfigMap mapping(ConfigNode node, String label, Origin fallback, String example) {
        if (node instanceof ConfigMap m) {
            return m;
        }
        Origin at = node.origin().isKnown() ? node.origin() : fallback;
        throw ConfigCicdException.badInput(at, label + ": must be a mapping, found " + node.typeName(),
                "write " + example);
    }

    public Origin origin() {
        return map.origin();
    }

    public String label() {
        return label;
    }

    /** Whether the field is written with a value other than null. */
    public boolean has(String field) {
        ConfigNode n = map.getOrNull(field);
        return n != null && !n.isNull();
    }

    /** The field's node; null when it is not written. */
    public ConfigNode node(String field) {
        return map.getOrNull(field);
    }

    /** Rejects fields outside {@code allowed}, listing the ones that may be written. */
    public void onlyFields(Set<String> allowed) {
        onlyFields(allowed, "", "the fields are ");
    }

    /**
     * Rejects fields outside {@code allowed}: the problem is {@code unknown field 'k'} followed by
     * {@code problemSuffix}, the hint {@code hintPrefix} followed by the allowed fields.
     */
    protected void onlyFields(Set<String> allowed, String problemSuffix, String hintPrefix) {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                throw error(map.keyOrigin(key), "unknown field '" + key + "'" + problemSuffix,
                        hintPrefix + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** A required non-empty string. */
    public String string(String field, String example) {
        ConfigNode n = required(field, example);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING && !((String) s.value()).isBlank()) {
            return (String) s.value();
        }
        throw wrong(field, n, "a non-empty string", example);
    }

    public Optional<String> optString(String field, String example) {
        return has(field) ? Optional.of(string(field, example)) : Optional.empty();
    }

    /** A list of strings; a single string is taken as a list of one. Empty when the field is absent. */
    public List<String> strings(String field, String example) {
        return has(field) ? stringList(field, example, false) : List.of();
    }

    /** A required list of non-blank strings; a single string is taken as a list of one. */
    public List<String> nonBlankStrings(String field, String example) {
        if (map.getOrNull(field) == null) {
            throw error(map.origin(), "field '" + field + "' is required", "write " + example);
        }
        return stringList(field, example, true);
    }

    private List<String> stringList(String field, String example, boolean nonBlank) {
        ConfigNode n = map.getOrNull(field);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return List.of((String) s.value());
        }
        if (!(n instanceof ConfigList l) || l.size() == 0) {
            throw wrong(field, n, "a non-empty list of strings", example);
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : l.items()) {
            if (!(item instanceof ConfigScalar s) || s.type() != ScalarType.STRING
                    || nonBlank && ((String) s.value()).isBlank()) {
                throw wrong(field + "[]", item, nonBlank ? "a non-empty string" : "a string", example);
            }
            out.add((String) s.value());
        }
        return out;
    }

    /** A boolean; {@code otherwise} when the field is absent. */
    public boolean bool(String field, boolean otherwise, String example) {
        if (!has(field)) {
            return otherwise;
        }
        ConfigNode n = map.getOrNull(field);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN) {
            return (Boolean) s.value();
        }
        throw wrong(field, n, "true or false", example);
    }

    /** The error for a field whose value is not what it must be, at the value's file:line. */
    public ConfigCicdException wrong(String field, ConfigNode n, String expected, String example) {
        String found = n instanceof ConfigScalar s && s.type() != ScalarType.NULL
                ? n.typeName() + " '" + s.asText() + "'" : n.typeName();
        return error(n.origin(), "field '" + field + "' must be " + expected + ", found " + found, "write " + example);
    }

    /** Bad input at {@code at} (the entry's origin when unknown), the problem prefixed with the entry's label. */
    public ConfigCicdException error(Origin at, String problem, String hint) {
        return ConfigCicdException.badInput(at.isKnown() ? at : map.origin(), label + ": " + problem, hint);
    }

    /** The field's node; bad input naming the field when it is absent. */
    protected ConfigNode required(String field, String example) {
        if (!has(field)) {
            throw error(map.origin(), "field '" + field + "' is required", "write " + example);
        }
        return map.getOrNull(field);
    }
}
