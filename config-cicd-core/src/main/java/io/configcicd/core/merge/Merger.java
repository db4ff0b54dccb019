package io.configcicd.core.merge;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep merge of configuration documents (ARCHITECTURE 2). Layers are applied in order: mappings merge key
 * by key; scalars and lists replace; an explicit {@code null} in any layer after the first deletes the key.
 * A replacing value remembers what it replaced ({@link ConfigNode#overridden()}, most recent first), so
 * {@code explain} can tell the whole story of a key.
 *
 * <p>All layers merge in one pass (each key's values are gathered from every layer, then folded), so a
 * directory of a thousand documents costs the sum of their sizes, not a thousand copies of the result.
 */
public final class Merger {

    private Merger() {
    }

    /** Merges layers, the first being the base; an empty list gives an empty mapping. */
    public static ConfigMap merge(List<ConfigMap> layers) {
        if (layers.isEmpty()) {
            return ConfigMap.empty();
        }
        if (layers.size() == 1) {
            return layers.get(0);
        }
        List<Layered> maps = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            maps.add(new Layered(layers.get(i), i, Origin.UNKNOWN));
        }
        return mergeAll(maps);
    }

    /** Merges one override onto a base. */
    public static ConfigMap mergeMaps(ConfigMap base, ConfigMap override) {
        return merge(List.of(base, override));
    }

    /** A value of one layer: the layer's index (0 is the base, where null is a value) and where its key was written. */
    private record Layered(ConfigNode node, int layer, Origin keyOrigin) {
    }

    private static ConfigMap mergeAll(List<Layered> maps) {
        Origin origin = Origin.UNKNOWN;
        Map<String, List<Layered>> byKey = new LinkedHashMap<>();
        for (Layered l : maps) {
            ConfigMap m = (ConfigMap) l.node();
            if (!origin.isKnown()) {
                origin = m.origin();
            }
            for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
                byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>(2))
                        .add(new Layered(e.getValue(), l.layer(), m.keyOrigin(e.getKey())));
            }
        }
        ConfigMap.Builder out = ConfigMap.builder(origin);
        for (Map.Entry<String, List<Layered>> e : byKey.entrySet()) {
            Layered result = fold(e.getValue());
            if (result != null) {
                out.put(e.getKey(), result.node(), result.keyOrigin());
            }
        }
        return out.build();
    }

    /** The value of one key after all its layers, or null when the last word was a deleting null. */
    private static Layered fold(List<Layered> values) {
        if (values.size() == 1) {
            Layered only = values.get(0);
            return only.layer() > 0 && only.node().isNull() ? null : only;
        }
        Layered current = null;
        List<Layered> mapRun = new ArrayList<>();
        for (Layered v : values) {
            if (v.layer() > 0 && v.node().isNull()) {
                current = null;
                mapRun.clear();
            } else if (v.node() instanceof ConfigMap && (current == null || current.node() instanceof ConfigMap)) {
                if (current != null && mapRun.isEmpty()) {
                    mapRun.add(current);
                }
                mapRun.add(v);
                current = mapRun.size() == 1 ? v : current;
            } else {
                Layered previous = settle(current, mapRun);
                mapRun.clear();
                current = previous == null ? v : new Layered(replace(previous.node(), v.node()), v.layer(), v.keyOrigin());
            }
        }
        return settle(current, mapRun);
    }

    /** The merge of a run of mappings, keeping where the key was first written. */
    private static Layered settle(Layered current, List<Layered> mapRun) {
        if (mapRun.size() <= 1) {
            return current;
        }
        return new Layered(mergeAll(mapRun), mapRun.get(mapRun.size() - 1).layer(), mapRun.get(0).keyOrigin());
    }

    private static ConfigNode replace(ConfigNode previous, ConfigNode next) {
        List<ConfigNode> history = new ArrayList<>(1 + previous.overridden().size());
        history.add(previous.withoutHistory());
        history.addAll(previous.overridden());
        return next.withOverridden(history);
    }
}
