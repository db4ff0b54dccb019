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
     * The value placed under the segments of {@code path} from index {@code from} on, as nested maps (used when the
     * path goes past what the document holds). A list index among them has no list to point into and is an error
     * at {@code at}, naming the full path of the missing list and {@code found}, what the document holds where the
     * path stops ({@link #noKey}, or "kgot.cache is null").
     */
    static ConfigNode nest(ConfigPath path, int from, ConfigNode value, Origin at, String found) {
        List<ConfigPath.Segment> segments = path.segments();
        for (int i = from; i < segments.size(); i++) {
            if (segments.get(i) instanceof ConfigPath.Index) {
                ConfigPath list = ConfigPath.of(segments.subList(0, i));
                throw ConfigCicdException.badInput(at, "cannot set " + path + ": there is no list at " + list
                        + " to index into (" + found + ")", "set " + list + " to a whole list instead, for example"
                        + " [a, b]");
            }
        }
        ConfigNode out = value;
        for (int i = segments.size() - 1; i >= from; i--) {
            out = ConfigMap.builder(Origin.UNKNOWN).put(((ConfigPath.Key) segments.get(i)).name(), out).build();
        }
        return out;
    }

    /** What a document holds where a path stops because segment {@code i}, a key, is missing. */
    static String noKey(ConfigPath path, int i) {
        ConfigPath.Segment key = path.segments().get(i);
        return (i == 0 ? "the document" : ConfigPath.of(path.segments().subList(0, i)).toString())
                + " has no key '" + key + "'";
    }
}
