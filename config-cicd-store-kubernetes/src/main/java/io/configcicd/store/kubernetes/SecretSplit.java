package io.configcicd.store.kubernetes;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import io.configcicd.store.kubernetes.KubernetesObjects.Held;
import io.configcicd.store.kubernetes.KubernetesObjects.Wanted;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A mutable {@code keys} target with {@code secrets: resolve}: the entries the deploy names as secrets
 * ({@link StoreState#secretEntries()}) go to a Secret (type Opaque) of the target's name, the others and the deployed
 * record to the ConfigMap of that name, so that the ConfigMap never holds a resolved value. Both are written with the
 * resourceVersion of the read the plan was made from (a 409 on either is a CONFLICT); the Secret first and the
 * ConfigMap, with the record, last; when the ConfigMap cannot be written the Secret is put back.
 *
 * <p>{@link #read()} returns the union, the record of the ConfigMap, and the Secret's keys as the secret entries, so
 * that applying a state read before restores both objects. A state that does not tell its secret entries (and a
 * target written before the split: a Secret with the record, no ConfigMap) is kept whole in the Secret, as before.
 */
final class SecretSplit {

    /** What a read saw: the state and the resourceVersions ("" for an object that does not exist). */
    private record Live(StoreState state, String configMapVersion, String secretVersion) {
    }

    private final KubernetesStore store;
    private final KubernetesObjects configMaps;
    private final KubernetesObjects secrets;
    private final String name;
    private Optional<Live> lastRead = Optional.empty();

    SecretSplit(KubernetesStore store, KubernetesClient client, KubernetesObjects secrets) {
        this.store = store;
        this.configMaps = new KubernetesObjects(client, secrets.namespace(), false);
        this.secrets = secrets;
        this.name = store.settings().name();
    }

    StoreState read() {
        Live live = fetch();
        lastRead = Optional.of(live);
        return live.state();
    }

    private Live fetch() {
        try {
            Optional<Held> cm = configMaps.get(name);
            Optional<Held> secret = secrets.get(name);
            if (cm.isEmpty() && secret.isEmpty()) {
                return new Live(StoreState.empty(Layout.KEYS), "", "");
            }
            SortedMap<String, String> union = new TreeMap<>();
            cm.ifPresent(h -> union.putAll(h.data()));
            secret.ifPresent(h -> union.putAll(h.data()));
            Held recordHolder = cm.or(() -> secret).orElseThrow();
            Optional<Set<String>> secretEntries = cm.isPresent()
                    ? Optional.of(secret.map(h -> h.data().keySet()).orElse(Set.of())) : Optional.empty();
            StoreState state = new StoreState(StoreContent.Keys.of(union), record(recordHolder), secretEntries);
            return new Live(state, cm.map(Held::resourceVersion).orElse(""),
                    secret.map(Held::resourceVersion).orElse(""));
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.translate(store.settings(), "reading ConfigMap and Secret " + name + " in namespace "
                    + configMaps.namespace(), KubernetesStore.NOTHING_WRITTEN, e);
        }
    }

    private Optional<DeployedRecord> record(Held h) {
        try {
            return ConfigMapCodec.record(h.annotations());
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, store.spec().name(), h.name()
                    + " carries a malformed deployed record (" + e.getMessage() + ")",
                    "remove its config-cicd.io/ annotations by hand, then deploy again");
        }
    }

    void apply(StoreState desired, StoreState expected) {
        SortedMap<String, String> data = ConfigMapCodec.toData(store.spec().name(), desired.content(),
                store.spec().format());
        Live live = lastRead.filter(r -> r.state().sameAs(expected)).orElseGet(() -> checked(expected));
        lastRead = Optional.empty();
        Set<String> secret = desired.secretEntries().orElse(data.keySet());
        SortedMap<String, String> secretData = new TreeMap<>();
        SortedMap<String, String> plainData = new TreeMap<>();
        data.forEach((k, v) -> (secret.contains(k) ? secretData : plainData).put(k, v));
        boolean whole = desired.secretEntries().isEmpty();
        try {
            if (desired.isEmpty()) {
                delete(secrets, live.secretVersion());
                delete(configMaps, live.configMapVersion());
                return;
            }
            Optional<DeployedRecord> secretRecord = whole ? desired.record() : Optional.empty();
            write(secrets, secretData, secretRecord, live.secretVersion());
        } catch (KubernetesClientException e) {
            throw translate("writing Secret " + name, KubernetesStore.NOTHING_WRITTEN, e);
        }
        try {
            if (whole) {
                delete(configMaps, live.configMapVersion());
            } else {
                write(configMaps, plainData, desired.record(), live.configMapVersion());
            }
        } catch (KubernetesClientException e) {
            putBack(live);
            throw translate("writing ConfigMap " + name + " (after the Secret)", "the Secret was put back to what"
                    + " it held before; read the target back to check", e);
        }
    }

    /** The live state of a fresh read that still holds {@code expected}; a CONFLICT otherwise. */
    private Live checked(StoreState expected) {
        Live fresh = fetch();
        if (!fresh.state().sameAs(expected)) {
            throw StoreException.conflict(store.spec().name(), "ConfigMap and Secret " + name + " in namespace "
                    + configMaps.namespace() + " no longer hold what the plan read");
        }
        return fresh;
    }

    /** Best effort: the Secret's data and record as {@code live} saw them. */
    private void putBack(Live live) {
        try {
            Optional<Held> now = secrets.get(name);
            StoreState before = live.state();
            Set<String> keys = before.secretEntries().orElse(Set.of());
            SortedMap<String, String> old = new TreeMap<>();
            ((StoreContent.Keys) before.content()).entries().forEach((k, v) -> {
                if (before.secretEntries().isEmpty() || keys.contains(k)) {
                    old.put(k, v);
                }
            });
            String rv = now.map(Held::resourceVersion).orElse("");
            if (live.secretVersion().isEmpty()) {
                delete(secrets, rv);
            } else {
                write(secrets, old, live.configMapVersion().isEmpty() ? before.record() : Optional.empty(), rv);
            }
        } catch (KubernetesClientException | StoreException e) {
            // the message of the failure says to read the target back
        }
    }

    private void delete(KubernetesObjects objects, String rv) {
        if (!rv.isEmpty()) {
            objects.delete(name, rv);
        }
    }

    /** Creates or updates (with {@code rv}) one object, keeping labels and annotations that are not ours. */
    private void write(KubernetesObjects objects, SortedMap<String, String> data, Optional<DeployedRecord> record,
                       String rv) {
        Map<String, String> annotations = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        if (!rv.isEmpty()) {
            objects.get(name).ifPresent(h -> {
                labels.putAll(h.labels());
                h.annotations().forEach((k, v) -> {
                    if (!ConfigMapCodec.isRecordAnnotation(k)) {
                        annotations.put(k, v);
                    }
                });
            });
        }
        record.ifPresent(r -> annotations.putAll(ConfigMapCodec.annotations(r)));
        labels.putAll(store.labels());
        objects.write(new Wanted(name, rv.isEmpty() ? Optional.empty() : Optional.of(rv), data, annotations, labels,
                false));
    }

    private StoreException translate(String doing, String state, KubernetesClientException e) {
        return KubernetesErrors.translate(store.settings(), doing + " in namespace " + configMaps.namespace(),
                state, e);
    }

    /** Whether a target keeps its secrets apart: mutable, {@code keys} layout, {@code secrets: resolve}. */
    static boolean appliesTo(KubernetesSettings settings, Layout layout) {
        return settings.toSecret() && !settings.immutable() && layout == Layout.KEYS;
    }
}
