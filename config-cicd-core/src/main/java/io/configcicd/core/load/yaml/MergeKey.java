package io.configcicd.core.load.yaml;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The YAML 1.1 merge key {@code <<} of one mapping, as GitLab CI, docker compose and most YAML 1.1 readers apply
 * it: {@code <<: *base} or {@code <<: [*a, *b]} inserts the entries of the named mappings that the mapping does not
 * write itself. Explicit keys win over merged ones wherever they are written; in a list, an earlier mapping wins
 * over a later one. The merge is shallow, and every merged value and key keeps the origin where it was written.
 * Only the plain {@code <<} merges; a quoted {@code "<<"} is an ordinary key.
 */
final class MergeKey {

    /** The text of a plain scalar key that merges. */
    static final String KEY = "<<";

    private static final String HINT = "write <<: *anchor or <<: [*a, *b] with anchors of mappings, "
            + "or quote \"<<\" to use it as an ordinary key";

    private final Origin origin;
    private final int position;
    private final List<ConfigMap> sources = new ArrayList<>();

    /**
     * @param origin   where the {@code <<} key is written
     * @param position how many explicit entries of the mapping come before it
     */
    MergeKey(Origin origin, int position) {
        this.origin = origin;
        this.position = position;
    }

    Origin origin() {
        return origin;
    }

    /**
     * Takes the value of the merge key: a mapping, or a list of mappings.
     *
     * @return how many entries the merge may copy
     * @throws ConfigParseException at the key, or at the list item, when a value is not a mapping
     */
    long take(ConfigNode value) {
        if (value instanceof ConfigMap map) {
            sources.add(map);
        } else if (value instanceof ConfigList list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof ConfigMap map)) {
                    ConfigNode item = list.get(i);
                    throw new ConfigParseException(item.origin().line() > 0 ? item.origin() : origin,
                            "the merge key '<<' takes a list of mappings, but item " + (i + 1) + " is "
                                    + item.typeNameWithArticle(), HINT);
                }
                sources.add(map);
            }
        } else {
            throw new ConfigParseException(origin, "the merge key '<<' takes a mapping, an alias of one or a list "
                    + "of them, not " + value.typeNameWithArticle(), HINT);
        }
        return sources.stream().mapToLong(ConfigMap::size).sum();
    }

    /** The mapping with the merged entries inserted where the merge key is written. */
    ConfigMap apply(ConfigMap explicit, Origin mapOrigin) {
        ConfigMap.Builder out = ConfigMap.builder(mapOrigin);
        int index = 0;
        for (Map.Entry<String, ConfigNode> e : explicit.entries().entrySet()) {
            if (index++ == position) {
                insertMerged(explicit, out);
            }
            out.put(e.getKey(), e.getValue(), explicit.keyOrigin(e.getKey()));
        }
        if (position >= explicit.size()) {
            insertMerged(explicit, out);
        }
        return out.build();
    }

    private void insertMerged(ConfigMap explicit, ConfigMap.Builder out) {
        for (ConfigMap source : sources) {
            for (Map.Entry<String, ConfigNode> e : source.entries().entrySet()) {
                String key = e.getKey();
                if (!explicit.containsKey(key) && !out.containsKey(key)) {
                    out.put(key, e.getValue(), source.keyOrigin(key));
                }
            }
        }
    }
}
