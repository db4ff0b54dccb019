package io.configcicd.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mapping of keys to values, in the order they were written. {@link #keyOrigins()} tells where each
 * key was written (which may differ from where its value starts, for example a YAML block mapping).
 */
public final class ConfigMap implements ConfigNode {

    private static final ConfigMap EMPTY = new ConfigMap(Map.of(), Map.of(), Origin.UNKNOWN, List.of());

    private final Map<String, ConfigNode> entries;
    private final Map<String, Origin> keyOrigins;
    private final Origin origin;
    private final List<ConfigNode> overridden;

    private ConfigMap(Map<String, ConfigNode> entries, Map<String, Origin> keyOrigins, Origin origin,
                      List<ConfigNode> overridden) {
        this.entries = entries;
        this.keyOrigins = keyOrigins;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.overridden = List.copyOf(overridden);
    }

    public static ConfigMap empty() {
        return EMPTY;
    }

    public static ConfigMap empty(Origin origin) {
        return new ConfigMap(Map.of(), Map.of(), origin, List.of());
    }

    /** A map over a copy of the given entries, key order kept. */
    public static ConfigMap of(Map<String, ConfigNode> entries, Map<String, Origin> keyOrigins, Origin origin) {
        return new ConfigMap(Collections.unmodifiableMap(new LinkedHashMap<>(entries)),
                Collections.unmodifiableMap(new LinkedHashMap<>(keyOrigins)), origin, List.of());
    }

    public static ConfigMap of(Map<String, ConfigNode> entries, Origin origin) {
        return of(entries, Map.of(), origin);
    }

    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    public Map<String, ConfigNode> entries() {
        return entries;
    }

    public Optional<ConfigNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The node for a key, or {@code null}; for hot paths that cannot afford an Optional. */
    public ConfigNode getOrNull(String key) {
        return entries.get(key);
    }

    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Map<String, Origin> keyOrigins() {
        return keyOrigins;
    }

    /** Where the key was written, or the origin of its value when the key position is not known. */
    public Origin keyOrigin(String key) {
        Origin o = keyOrigins.get(key);
        if (o != null) {
            return o;
        }
        ConfigNode n = entries.get(key);
        return n == null ? origin : n.origin();
    }

    @Override
    public Origin origin() {
        return origin;
    }

    @Override
    public List<ConfigNode> overridden() {
        return overridden;
    }

    @Override
    public ConfigMap withOverridden(List<ConfigNode> overridden) {
        return new ConfigMap(entries, keyOrigins, origin, overridden);
    }

    @Override
    public Object toPlain() {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k, v.toPlain()));
        return out;
    }

    @Override
    public String typeName() {
        return "mapping";
    }

    @Override
    public boolean sameValue(ConfigNode other) {
        if (!(other instanceof ConfigMap m) || m.entries.size() != entries.size()) {
            return false;
        }
        for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
            ConfigNode o = m.entries.get(e.getKey());
            if (o == null || !e.getValue().sameValue(o)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigMap m && entries.equals(m.entries) && origin.equals(m.origin)
                && overridden.equals(m.overridden);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** Collects entries in insertion order; a builder rejects nothing, codecs check duplicates themselves. */
    public static final class Builder {
        private final Map<String, ConfigNode> entries = new LinkedHashMap<>();
        private final Map<String, Origin> keyOrigins = new LinkedHashMap<>();
        private final Origin origin;

        private Builder(Origin origin) {
            this.origin = origin;
        }

        public boolean containsKey(String key) {
            return entries.containsKey(key);
        }

        public ConfigNode get(String key) {
            return entries.get(key);
        }

        public Builder put(String key, ConfigNode value, Origin keyOrigin) {
            entries.put(key, value);
            keyOrigins.put(key, keyOrigin);
            return this;
        }

        public Builder put(String key, ConfigNode value) {
            return put(key, value, value.origin());
        }

        public Builder remove(String key) {
            entries.remove(key);
            keyOrigins.remove(key);
            return this;
        }

        public ConfigMap build() {
            return new ConfigMap(Collections.unmodifiableMap(new LinkedHashMap<>(entries)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(keyOrigins)), origin, List.of());
        }
    }
}
