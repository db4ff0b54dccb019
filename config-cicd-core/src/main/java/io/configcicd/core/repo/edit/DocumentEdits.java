package io.configcicd.core.repo.edit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saves a whole new tree over a document by editing only the keys that differ, so the comments and layout of
 * everything unchanged survive. Maps are compared key by key; lists and scalars are replaced whole when their
 * value differs. Keys new in the tree are appended to their parent mapping; the order of existing keys is kept
 * even when the new tree orders them differently.
 */
public final class DocumentEdits {

    private DocumentEdits() {
    }

    /** A change to apply: a value to write at a path, or (value null) a path to remove. */
    private record Edit(ConfigPath path, ConfigNode value) {
    }

    /**
     * The text edited so that it holds newTree.
     *
     * @param oldTree the tree the text holds now (as parsed from it)
     * @param newTree the tree to save
     */
    public static String replaceDocument(DocumentEditor editor, String text, ConfigNode oldTree, ConfigNode newTree,
                                         String file) {
        if (!(oldTree instanceof ConfigMap oldMap) || !(newTree instanceof ConfigMap newMap)) {
            return oldTree.sameValue(newTree) ? text : editor.set(text, ConfigPath.root(), newTree, file);
        }
        List<Edit> removals = new ArrayList<>();
        List<Edit> changes = new ArrayList<>();
        List<Edit> additions = new ArrayList<>();
        diff(ConfigPath.root(), oldMap, newMap, removals, changes, additions);
        String out = text;
        for (Edit e : removals) {
            out = editor.remove(out, e.path(), file);
        }
        List<Edit> writes = new ArrayList<>(changes);
        writes.addAll(additions);
        for (Edit e : writes) {
            out = editor.set(out, e.path(), e.value(), file);
        }
        return out;
    }

    private static void diff(ConfigPath at, ConfigMap oldMap, ConfigMap newMap, List<Edit> removals,
                             List<Edit> changes, List<Edit> additions) {
        for (String key : oldMap.entries().keySet()) {
            if (!newMap.containsKey(key)) {
                removals.add(new Edit(at.child(key), null));
            }
        }
        for (Map.Entry<String, ConfigNode> e : newMap.entries().entrySet()) {
            ConfigPath path = at.child(e.getKey());
            ConfigNode before = oldMap.getOrNull(e.getKey());
            ConfigNode after = e.getValue();
            if (before == null) {
                additions.add(new Edit(path, after.withoutHistory()));
            } else if (before instanceof ConfigMap bm && after instanceof ConfigMap am && !am.isEmpty()
                    && !bm.isEmpty()) {
                diff(path, bm, am, removals, changes, additions);
            } else if (!before.sameValue(after)) {
                changes.add(new Edit(path, after.withoutHistory()));
            }
        }
    }

    /**
     * The value placed under the remaining keys of a path, as nested maps (used when the path goes past the end
     * of the existing text). A list index among them has no list to point into and is an error.
     */
    static ConfigNode nest(List<ConfigPath.Segment> rest, ConfigNode value, ConfigPath path) {
        ConfigNode out = value;
        for (int i = rest.size() - 1; i >= 0; i--) {
            if (!(rest.get(i) instanceof ConfigPath.Key k)) {
                throw ConfigCicdException.badInput("cannot set " + path + ": there is no list at "
                        + ConfigPath.of(rest.subList(0, i)) + " to index into", "set the whole list instead");
            }
            out = ConfigMap.builder(Origin.UNKNOWN).put(k.name(), out).build();
        }
        return out;
    }
}
