package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.json.JsonCodec;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.store.ContentEncoder;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plans one target: compares what it holds with what the configuration makes of it, entry by entry (a document
 * target is compared by the entries of its parsed text, so its plan names keys too). Deletes are exactly the entries
 * the target holds and the configuration no longer has: a name is compared whole, never as a prefix, so removing
 * {@code foo_bar} leaves {@code foo_bar_v2} alone. Pure: it reads nothing.
 */
final class Planner {

    /** The entry the plan names when a document target's live text cannot be parsed. */
    static final String WHOLE_DOCUMENT = "(document)";

    private final ValueMasking masking;

    Planner(ValueMasking masking) {
        this.masking = Objects.requireNonNull(masking, "masking");
    }

    TargetPlan plan(TargetSpec spec, StoreState live, StoreContent desired, ConfigMap desiredTree) {
        return plan(spec, live, desired, ContentEncoder.keys(desiredTree).entries());
    }

    /** The plan to write {@code desired} content, whose entries are {@code wanted}. */
    TargetPlan plan(TargetSpec spec, StoreState live, StoreContent desired, SortedMap<String, String> wanted) {
        List<EntryChange> changes = new ArrayList<>();
        Optional<SortedMap<String, String>> liveEntries = entries(live.content(), spec.format());
        boolean same = live.content().sha256().equals(desired.sha256());
        if (liveEntries.isEmpty()) {
            if (!same) {
                changes.add(new EntryChange(WHOLE_DOCUMENT, EntryChange.Kind.CHANGED, Optional.of("(unreadable)"),
                        Optional.of("(" + wanted.size() + " entries)")));
            }
        } else if (!same) {
            diff(liveEntries.get(), wanted, changes);
        }
        return new TargetPlan(spec.name(), spec.type(), spec.layout(), spec.secrets(),
                liveEntries.map(Map::size).orElse(1), changes, live.content().sha256(), desired.sha256(),
                live.record(), live.drifted());
    }

    private void diff(SortedMap<String, String> live, SortedMap<String, String> wanted, List<EntryChange> out) {
        TreeSet<String> names = new TreeSet<>(live.keySet());
        names.addAll(wanted.keySet());
        for (String name : names) {
            String before = live.get(name);
            String after = wanted.get(name);
            if (before == null) {
                out.add(new EntryChange(name, EntryChange.Kind.ADDED, Optional.empty(), shown(name, after)));
            } else if (after == null) {
                out.add(new EntryChange(name, EntryChange.Kind.DELETED, shown(name, before), Optional.empty()));
            } else if (!before.equals(after)) {
                out.add(new EntryChange(name, EntryChange.Kind.CHANGED, shown(name, before), shown(name, after)));
            }
        }
    }

    private Optional<String> shown(String name, String value) {
        return Optional.of(masking.show(name, value));
    }

    /** The entries of content: a keys target's own, a document's by its parsed tree; empty when it cannot be parsed. */
    static Optional<SortedMap<String, String>> entries(StoreContent content, DocumentFormat format) {
        if (content instanceof StoreContent.Keys keys) {
            return Optional.of(keys.entries());
        }
        String text = ((StoreContent.Document) content).text();
        if (text.isEmpty()) {
            return Optional.of(new TreeMap<>());
        }
        try {
            ConfigNode tree = format == DocumentFormat.YAML
                    ? new YamlCodec().parseText(text, "live", LoadLimits.DEFAULT)
                    : new JsonCodec().parseText(text, "live", LoadLimits.DEFAULT);
            return tree instanceof ConfigMap map ? Optional.of(ContentEncoder.keys(map).entries()) : Optional.empty();
        } catch (ConfigCicdException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
