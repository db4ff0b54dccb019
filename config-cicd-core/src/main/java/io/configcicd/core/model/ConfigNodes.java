package io.configcicd.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions between plain Java values and configuration trees, and lookups by path. */
public final class ConfigNodes {

    private ConfigNodes() {
    }

    /**
     * A tree from plain Java: Map (string keys) becomes a mapping, List a list, other values scalars;
     * a ConfigNode is returned as it is.
     */
    public static ConfigNode fromPlain(Object value, Origin origin) {
        if (value instanceof ConfigNode n) {
            return n;
        }
        if (value instanceof Map<?, ?> map) {
            ConfigMap.Builder b = ConfigMap.builder(origin);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("mapping keys must be strings, found " + e.getKey());
                }
                b.put(key, fromPlain(e.getValue(), origin), origin);
            }
            return b.build();
        }
        if (value instanceof List<?> list) {
            List<ConfigNode> items = new ArrayList<>(list.size());
            for (Object o : list) {
                items.add(fromPlain(o, origin));
            }
            return ConfigList.of(items, origin);
        }
        return ConfigScalar.of(value, origin);
    }

    /** The node at a path, or {@code null} when some step is missing or goes through a scalar. */
    public static ConfigNode at(ConfigNode root, ConfigPath path) {
        ConfigNode cur = root;
        for (ConfigPath.Segment s : path.segments()) {
            if (s instanceof ConfigPath.Key k && cur instanceof ConfigMap m) {
                cur = m.getOrNull(k.name());
            } else if (s instanceof ConfigPath.Index i && cur instanceof ConfigList l && i.index() < l.size()) {
                cur = l.get(i.index());
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /** Every path of a tree (mappings, lists and their items included) with its node, in document order. */
    public static void walk(ConfigNode node, ConfigPath path, java.util.function.BiConsumer<ConfigPath, ConfigNode> visitor) {
        visitor.accept(path, node);
        if (node instanceof ConfigMap m) {
            m.entries().forEach((k, v) -> walk(v, path.child(k), visitor));
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), path.child(i), visitor);
            }
        }
    }
}
