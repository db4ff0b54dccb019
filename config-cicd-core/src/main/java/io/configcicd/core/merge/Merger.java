package io.configcicd.core.merge;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deep merge of configuration documents (ARCHITECTURE 2). Layers are applied in order: mappings merge key
 * by key; scalars and lists replace; an explicit {@code null} in any layer after the first deletes the key.
 * A replacing value remembers what it replaced ({@link ConfigNode#overridden()}, most recent first), so
 * {@code explain} can tell the whole story of a key.
 */
public final class Merger {

    private Merger() {
    }

    /** Merges layers, the first being the base; an empty list gives an empty mapping. */
    public static ConfigMap merge(List<ConfigMap> layers) {
        if (layers.isEmpty()) {
            return ConfigMap.empty();
        }
        ConfigMap result = layers.get(0);
        for (int i = 1; i < layers.size(); i++) {
            result = mergeMaps(result, layers.get(i));
        }
        return result;
    }

    /** Merges one override onto a base. */
    public static ConfigMap mergeMaps(ConfigMap base, ConfigMap override) {
        if (override.isEmpty()) {
            return base;
        }
        Origin origin = base.origin().isKnown() ? base.origin() : override.origin();
        ConfigMap.Builder out = ConfigMap.builder(origin);
        for (Map.Entry<String, ConfigNode> e : base.entries().entrySet()) {
            out.put(e.getKey(), e.getValue(), base.keyOrigin(e.getKey()));
        }
        for (Map.Entry<String, ConfigNode> e : override.entries().entrySet()) {
            String key = e.getKey();
            ConfigNode next = e.getValue();
            ConfigNode previous = out.get(key);
            if (next.isNull()) {
                out.remove(key);
            } else if (previous == null) {
                out.put(key, next, override.keyOrigin(key));
            } else if (previous instanceof ConfigMap pm && next instanceof ConfigMap nm) {
                out.put(key, mergeMaps(pm, nm), base.keyOrigin(key));
            } else {
                out.put(key, replace(previous, next), override.keyOrigin(key));
            }
        }
        return out.build();
    }

    private static ConfigNode replace(ConfigNode previous, ConfigNode next) {
        List<ConfigNode> history = new ArrayList<>(1 + previous.overridden().size());
        history.add(previous.withoutHistory());
        history.addAll(previous.overridden());
        return next.withOverridden(history);
    }
}
