package io.configcicd.core.load.yaml;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.JacksonTreeReader;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.ParseMessages;
import io.configcicd.core.load.yaml.parser.YamlEvents;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the tree of one YAML document from the parser's events: every node and key with its origin, anchors and
 * aliases (bounded by {@link LoadLimits#maxAliases()}), YAML 1.1 merge keys ({@link MergeKey}; the entries they
 * copy are bounded by the document's length), core-schema scalars, the limits of depth, string and number length,
 * and the configuration rules: one document, scalar keys, no duplicate keys.
 */
final class YamlComposer implements YamlEvents {

    private static final Anchored IN_PROGRESS = new Anchored(null, 0, null);

    private final String file;
    private final LoadLimits limits;
    private final YamlResolver resolver;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final long mergeBudget;
    private long aliasReferences;
    private long mergedEntries;
    private boolean documentSeen;
    private boolean secondDocument;
    private ConfigNode root;
    private Frame top;
    private int depth;

    /** An anchored value, the alias references it holds once expanded, and its text when it is a scalar. */
    private record Anchored(ConfigNode node, long references, String text) {
    }

    /** A mapping or sequence being built. */
    private static final class Frame {
        final Frame parent;
        final Origin origin;
        final String anchor;
        final long referencesBefore;
        final ConfigMap.Builder map;
        final Map<String, Origin> seen;
        final List<ConfigNode> items;
        String key;
        Origin keyOrigin;
        MergeKey merge;
        boolean mergeValueNext;

        Frame(Frame parent, boolean mapping, Origin origin, String anchor, long referencesBefore) {
            this.parent = parent;
            this.origin = origin;
            this.anchor = anchor;
            this.referencesBefore = referencesBefore;
            this.map = mapping ? ConfigMap.builder(origin) : null;
            this.seen = mapping ? new HashMap<>() : null;
            this.items = mapping ? null : new ArrayList<>();
        }

        boolean wantsKey() {
            return map != null && key == null;
        }
    }

    /**
     * @param textLength the length of the document's text, which bounds the entries that merge keys copy (merges
     *                   copy entries where aliases share them, so a document cannot grow past a small multiple of
     *                   its own size through them)
     */
    YamlComposer(String file, LoadLimits limits, long textLength) {
        this.file = file;
        this.limits = limits;
        this.resolver = new YamlResolver(limits);
        this.mergeBudget = Math.max(textLength, 1000);
    }

    /** The root of the document, or null when the text holds no document. */
    ConfigNode root() {
        return root;
    }

    @Override
    public void documentStart(boolean explicit, int line, int column) {
        secondDocument = documentSeen;
        documentSeen = true;
    }

    /** The origin of a node, which must not be in a second document (reported at its first node). */
    private Origin origin(int line, int column) {
        Origin origin = Origin.of(file, line, column);
        if (secondDocument) {
            throw new ConfigParseException(origin,
                    "a second YAML document starts here: a configuration file holds one YAML document",
                    "split the documents into separate files");
        }
        return origin;
    }

    @Override
    public void documentEnd(boolean explicit) {
    }

    @Override
    public void mappingStart(String anchor, String tag, boolean flow, int line, int column) {
        Origin origin = origin(line, column);
        resolver.checkCollectionTag(tag, "map", "a mapping", origin);
        open(true, anchor, origin);
    }

    @Override
    public void sequenceStart(String anchor, String tag, boolean flow, int line, int column) {
        Origin origin = origin(line, column);
        resolver.checkCollectionTag(tag, "seq", "a list", origin);
        open(false, anchor, origin);
    }

    private void open(boolean mapping, String anchor, Origin origin) {
        if (top != null && top.wantsKey()) {
            throw complexKey(origin);
        }
        if (++depth > limits.maxDepth()) {
            throw JacksonTreeReader.depthError(origin, limits);
        }
        if (anchor != null) {
            anchors.put(anchor, IN_PROGRESS);
        }
        top = new Frame(top, mapping, origin, anchor, aliasReferences);
    }

    @Override
    public void mappingEnd() {
        ConfigMap explicit = top.map.build();
        close(top.merge == null ? explicit : top.merge.apply(explicit, top.origin));
    }

    @Override
    public void sequenceEnd() {
        close(ConfigList.of(top.items, top.origin));
    }

    private void close(ConfigNode node) {
        Frame done = top;
        top = done.parent;
        depth--;
        if (done.anchor != null) {
            anchors.put(done.anchor, new Anchored(node, aliasReferences - done.referencesBefore, null));
        }
        add(node);
    }

    @Override
    public void scalar(String value, Style style, String anchor, String tag, int line, int column) {
        Origin origin = origin(line, column);
        boolean isKey = top != null && top.wantsKey();
        if (isKey && tag == null && style == Style.PLAIN && value.equals(MergeKey.KEY)) {
            mergeKey(anchor, origin);
            return;
        }
        if (isKey && anchor == null && tag == null) {
            key(value, origin); // a key is its text: no need to resolve it
            return;
        }
        ConfigNode node;
        if (tag != null) {
            node = resolver.tagged(tag, value, origin);
        } else if (style == Style.PLAIN) {
            node = resolver.plain(value, origin);
            if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
                node = s.asUnquoted(); // YAML 1.1 readers may see yes/off as booleans: the policy needs to know
            }
        } else {
            node = resolver.string(value, origin);
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, 0, value));
        }
        if (isKey) {
            key(value, origin);
        } else {
            add(node);
        }
    }

    @Override
    public void alias(String name, int line, int column) {
        Origin origin = origin(line, column);
        Anchored target = anchors.get(name);
        if (target == null) {
            throw new ConfigParseException(origin, "alias " + ParseMessages.quote("*" + name)
                    + " refers to no anchor written before it", "define the anchor (&name) on a value above this "
                    + "line, remove the alias, or quote the value if it is text that starts with '*'");
        }
        if (target == IN_PROGRESS) {
            throw new ConfigParseException(origin, "alias " + ParseMessages.quote("*" + name)
                    + " is used inside the value it names",
                    "a configuration cannot refer to itself; copy the values instead");
        }
        aliasReferences += 1 + target.references();
        if (aliasReferences > limits.maxAliases()) {
            throw new ConfigParseException(origin, "more than " + limits.maxAliases()
                    + " alias references, counting the aliases inside aliased values",
                    "use fewer aliases or " + LoadLimits.raise(LoadLimits.MAX_ALIASES)
                            + " (the limit stops 'billion laughs' documents)");
        }
        if (top != null && top.wantsKey()) {
            if (!(target.node() instanceof ConfigScalar)) {
                throw complexKey(origin);
            }
            key(target.text(), origin);
        } else {
            add(target.node());
        }
    }

    private void key(String key, Origin origin) {
        resolver.checkString(key, origin);
        Origin previous = top.seen.putIfAbsent(key, origin);
        if (previous != null) {
            throw new ConfigParseException(origin, "duplicate key '" + key + "' (first written at line "
                    + previous.line() + ")", "remove one of the two entries or rename one key");
        }
        top.key = key;
        top.keyOrigin = origin;
    }

    /** A plain {@code <<} key: the next value is merged into the mapping ({@link MergeKey}). */
    private void mergeKey(String anchor, Origin origin) {
        if (anchor != null) {
            throw new ConfigParseException(origin, "the merge key '<<' cannot have an anchor",
                    "remove the anchor, or quote \"<<\" to use it as an ordinary key");
        }
        if (top.merge != null) {
            throw new ConfigParseException(origin, "a second merge key '<<' in one mapping (the first is at line "
                    + top.merge.origin().line() + ")", "merge several mappings with one key: <<: [*a, *b]");
        }
        top.merge = new MergeKey(origin, top.seen.size());
        top.mergeValueNext = true;
        top.key = MergeKey.KEY;
        top.keyOrigin = origin;
    }

    private void add(ConfigNode node) {
        if (top == null) {
            root = node;
        } else if (top.mergeValueNext) {
            top.mergeValueNext = false;
            top.key = null;
            mergedEntries += top.merge.take(node);
            if (mergedEntries > mergeBudget) {
                throw new ConfigParseException(top.merge.origin(), "merge keys '<<' copy more than " + mergeBudget
                        + " entries in this document, more than its length allows",
                        "merge fewer or smaller mappings (the bound stops 'billion laughs' documents built from "
                                + "merge keys)");
            }
        } else if (top.map != null) {
            top.map.put(top.key, node, top.keyOrigin);
            top.key = null;
        } else {
            top.items.add(node);
        }
    }

    private static ConfigParseException complexKey(Origin origin) {
        return new ConfigParseException(origin,
                "a mapping key must be a plain value (string, number, boolean) or an alias of one, "
                        + "not a list or mapping", "write the key as a string");
    }
}
