package io.configcicd.store.kubernetes;

import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.store.kubernetes.KubernetesObjects.Held;
import io.configcicd.store.kubernetes.KubernetesObjects.Wanted;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The immutable objects of an {@code immutable: true} target: {@code <name>-<sha256 prefix>}, {@code immutable:
 * true}, labelled with the pointer's name and annotated with their creation time. An immutable object is never
 * changed (the API server refuses it, the fabric8 mock does not, so this class never tries): one that exists with the
 * same name already holds the same content, and is reused (a restore points back at it).
 */
final class ImmutableVersions {

    static final String CREATED = ConfigMapCodec.PREFIX + "created";

    private ImmutableVersions() {
    }

    /**
     * Makes sure the immutable object for the content exists.
     *
     * @return its name when this call created it (so that a failed switch can delete it again)
     */
    static Optional<String> ensure(KubernetesStore store, StoreContent content, SortedMap<String, String> data) {
        String name = ConfigMapCodec.immutableName(store.settings().name(), content);
        try {
            Optional<Held> existing = store.objects().get(name);
            if (existing.isPresent()) {
                if (!existing.get().data().equals(data)) {
                    throw new StoreException(StoreException.Reason.CONFLICT, store.spec().name(), store.where(name)
                            + " exists with other data and is immutable; nothing was written",
                            "delete it by hand (kubectl delete), then deploy again");
                }
                return Optional.empty();
            }
            store.objects().write(new Wanted(name, Optional.empty(), data,
                    Map.of(CREATED, store.clock().instant().toString()),
                    Map.of(ConfigMapCodec.MANAGED_BY, ConfigMapCodec.MANAGER, ConfigMapCodec.TARGET_LABEL,
                            store.settings().name()), true));
            return Optional.of(name);
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.translate(store.settings(), "creating " + store.where(name),
                    KubernetesStore.NOTHING_WRITTEN, e);
        }
    }

    /**
     * Deletes the immutable objects beyond {@code keep}, newest first, never the current one. A failure here does not
     * fail the deploy (the pointer was already switched): the next deploy prunes again.
     */
    static void prune(KubernetesStore store, String current) {
        try {
            List<Held> old = store.versions().stream().filter(h -> !h.name().equals(current)).toList();
            for (Held h : old.subList(Math.min(store.settings().keep(), old.size()), old.size())) {
                store.objects().delete(h.name(), h.resourceVersion());
            }
        } catch (KubernetesClientException e) {
            // pruning is best effort; the objects left are unreferenced and never read
        }
    }
}
