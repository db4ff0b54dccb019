package io.configcicd.store.kubernetes;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import io.configcicd.store.kubernetes.KubernetesObjects.Held;
import io.configcicd.store.kubernetes.KubernetesObjects.Wanted;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code kubernetes-configmap} target. The object {@code name} (a ConfigMap; a Secret for {@code secrets:
 * resolve} in the {@code document} layout or with {@code immutable: true}) holds the data and, as annotations, the deployed record; it is created, or updated with the
 * resourceVersion of the read the plan was made from, so the API server refuses (409) a write over someone else's.
 * A 409 is retried once, from a fresh read, when the object still holds what the plan read (content and record:
 * only its metadata moved on); otherwise it is a CONFLICT and the deploy engine restores the other targets.
 *
 * <p>With {@code immutable: true} the data goes to a new immutable object {@code <name>-<sha256 prefix>} and the
 * object {@code name} becomes a pointer (data key {@code current}, with the record), switched by the same
 * check-and-set; immutable objects beyond {@code keep} (by record time, never the current one) are deleted.
 *
 * <p>A mutable {@code keys} target with {@code secrets: resolve} keeps its secret entries in a Secret and the rest,
 * with the record, in the ConfigMap of the same name ({@link SecretSplit}).
 */
final class KubernetesStore implements ConfigStore {

    static final String NOTHING_WRITTEN = "nothing was written";

    private final TargetSpec spec;
    private final KubernetesSettings settings;
    private final KubernetesClient client;
    private final KubernetesObjects objects;
    private final Clock clock;
    /** Present for a mutable keys target with {@code secrets: resolve}: it writes and reads the ConfigMap + Secret. */
    private final Optional<SecretSplit> split;
    /** The state of the last read and the resourceVersion it was read at. */
    private Optional<Map.Entry<StoreState, String>> lastRead = Optional.empty();

    KubernetesStore(TargetSpec spec, KubernetesSettings settings, KubernetesClient client, Clock clock) {
        this.spec = spec;
        this.settings = settings;
        this.client = client;
        this.objects = new KubernetesObjects(client, settings.namespace().orElseGet(
                () -> client.getNamespace() == null ? "default" : client.getNamespace()), settings.toSecret());
        this.clock = clock;
        this.split = SecretSplit.appliesTo(settings, spec.layout())
                ? Optional.of(new SecretSplit(this, client, objects)) : Optional.empty();
    }

    @Override
    public TargetSpec spec() {
        return spec;
    }

    KubernetesSettings settings() {
        return settings;
    }

    KubernetesObjects objects() {
        return objects;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public StoreState read() {
        if (split.isPresent()) {
            return split.get().read();
        }
        Map.Entry<StoreState, String> fresh = fetch();
        lastRead = Optional.of(fresh);
        return fresh.getKey();
    }

    /** The state and the resourceVersion of {@code name} ("" when it does not exist). */
    private Map.Entry<StoreState, String> fetch() {
        String doing = "reading " + where(settings.name());
        try {
            Optional<Held> held = objects.get(settings.name());
            if (held.isEmpty()) {
                return Map.entry(StoreState.empty(spec.layout()), "");
            }
            Held h = held.get();
            SortedMap<String, String> data = h.data();
            if (settings.immutable()) {
                String current = h.data().get(ConfigMapCodec.POINTER_KEY);
                data = current == null ? new TreeMap<>()
                        : objects.get(current).map(Held::data).orElseGet(TreeMap::new);
            }
            StoreContent content = ConfigMapCodec.fromData(data, spec.layout(), spec.format());
            return Map.entry(new StoreState(content, record(h)), h.resourceVersion());
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.translate(settings, doing, NOTHING_WRITTEN, e);
        }
    }

    private Optional<DeployedRecord> record(Held h) {
        try {
            return ConfigMapCodec.record(h.annotations());
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, spec.name(), where(h.name())
                    + " carries a malformed deployed record (" + e.getMessage() + ")",
                    "remove its config-cicd.io/ annotations by hand, then deploy again");
        }
    }

    /**
     * At plan time: refuses data keys that are not valid ConfigMap keys (naming them) and data above the 1 MiB an
     * object may hold, the checks {@link #apply} makes again before it writes. Sends no request.
     */
    @Override
    public List<String> planNotes(StoreState live, StoreState desired) {
        ConfigMapCodec.toData(spec.name(), desired.content(), spec.format());
        return List.of();
    }

    @Override
    public void apply(StoreState desired, StoreState expected) {
        if (split.isPresent()) {
            split.get().apply(desired, expected);
            return;
        }
        SortedMap<String, String> data = ConfigMapCodec.toData(spec.name(), desired.content(), spec.format());
        String rv = lastRead.filter(r -> r.getKey().sameAs(expected)).map(Map.Entry::getValue)
                .orElseGet(() -> checkedVersion(expected));
        Optional<String> created = Optional.empty();
        try {
            if (settings.immutable() && !desired.content().isEmpty()) {
                created = ImmutableVersions.ensure(this, desired.content(), data);
                data = new TreeMap<>(Map.of(ConfigMapCodec.POINTER_KEY,
                        ConfigMapCodec.immutableName(settings.name(), desired.content())));
            }
            writeWithRetry(desired, expected, data, rv);
        } catch (RuntimeException e) {
            created.ifPresent(this::deleteQuietly);
            throw e;
        } finally {
            lastRead = Optional.empty();
        }
        if (settings.immutable()) {
            ImmutableVersions.prune(this, data.get(ConfigMapCodec.POINTER_KEY));
        }
    }

    /** The resourceVersion of a fresh read that still holds {@code expected}; a CONFLICT otherwise. */
    private String checkedVersion(StoreState expected) {
        Map.Entry<StoreState, String> fresh = fetch();
        if (!fresh.getKey().sameAs(expected)) {
            throw StoreException.conflict(spec.name(), where(settings.name()) + " no longer holds what the plan read");
        }
        return fresh.getValue();
    }

    private void writeWithRetry(StoreState desired, StoreState expected, SortedMap<String, String> data, String rv) {
        try {
            write(desired, data, rv);
        } catch (KubernetesClientException e) {
            if (e.getCode() != KubernetesErrors.CONFLICT) {
                throw KubernetesErrors.translate(settings, "writing " + where(settings.name()),
                        "it holds what it held or what was to be written; read it back to see which", e);
            }
            String again = checkedVersion(expected);
            try {
                write(desired, data, again);
            } catch (KubernetesClientException second) {
                throw KubernetesErrors.translate(settings, "writing " + where(settings.name()) + " (retried once)",
                        NOTHING_WRITTEN, second);
            }
        }
    }

    private void write(StoreState desired, SortedMap<String, String> data, String rv) {
        if (desired.isEmpty()) {
            if (!rv.isEmpty()) {
                objects.delete(settings.name(), rv);
            }
            return;
        }
        Map<String, String> annotations = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        if (!rv.isEmpty()) {
            objects.get(settings.name()).ifPresent(h -> {
                labels.putAll(h.labels());
                h.annotations().forEach((k, v) -> {
                    if (!ConfigMapCodec.isRecordAnnotation(k)) {
                        annotations.put(k, v);
                    }
                });
            });
        }
        desired.record().ifPresent(r -> annotations.putAll(ConfigMapCodec.annotations(r)));
        labels.putAll(labels());
        objects.write(new Wanted(settings.name(), rv.isEmpty() ? Optional.empty() : Optional.of(rv), data,
                annotations, labels, false));
    }

    Map<String, String> labels() {
        return Map.of(ConfigMapCodec.MANAGED_BY, ConfigMapCodec.MANAGER);
    }

    String where(String name) {
        return settings.kind() + " " + name + " in namespace " + objects.namespace();
    }

    private void deleteQuietly(String name) {
        try {
            objects.get(name).ifPresent(h -> objects.delete(name, h.resourceVersion()));
        } catch (KubernetesClientException e) {
            // left for the next deploy's pruning: an unreferenced immutable object is never read
        }
    }

    @Override
    public StoreCheck check() {
        return new KubernetesStoreCheck(this, client).run();
    }

    @Override
    public void close() {
        client.close();
    }

    /** Immutable objects of this target, newest record first (for pruning). */
    List<Held> versions() {
        return objects.list(ConfigMapCodec.TARGET_LABEL, settings.name()).stream()
                .sorted(Comparator.comparing((Held h) -> h.annotations().getOrDefault(
                        ImmutableVersions.CREATED, h.created())).reversed()).toList();
    }
}
