package io.configcicd.store.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The objects that hold a target's data, ConfigMaps or (for {@code secrets: resolve}) Secrets of type
 * {@code Opaque}, seen the same way: name, resourceVersion, text data, annotations, labels. The only class that
 * calls the fabric8 DSL; its exceptions ({@code KubernetesClientException}) are translated by the caller through
 * {@link KubernetesErrors}. A Secret's base64 data is decoded here, so the rest of the module sees text.
 */
final class KubernetesObjects {

    /** One object as read. */
    record Held(String name, String resourceVersion, SortedMap<String, String> data, Map<String, String> annotations,
                Map<String, String> labels, boolean immutable, String created) {
        Held {
            data = new TreeMap<>(data);
            annotations = Map.copyOf(annotations);
            labels = Map.copyOf(labels);
        }
    }

    /** What to write: the resourceVersion is empty for a create. */
    record Wanted(String name, Optional<String> resourceVersion, SortedMap<String, String> data,
                  Map<String, String> annotations, Map<String, String> labels, boolean immutable) {
        Wanted {
            data = new TreeMap<>(data);
            annotations = Map.copyOf(annotations);
            labels = Map.copyOf(labels);
        }
    }

    private final KubernetesClient client;
    private final String namespace;
    private final boolean secrets;

    KubernetesObjects(KubernetesClient client, String namespace, boolean secrets) {
        this.client = client;
        this.namespace = namespace;
        this.secrets = secrets;
    }

    String namespace() {
        return namespace;
    }

    Optional<Held> get(String name) {
        HasMetadata item = secrets ? client.secrets().inNamespace(namespace).withName(name).get()
                : client.configMaps().inNamespace(namespace).withName(name).get();
        return Optional.ofNullable(item).map(this::held);
    }

    /** The objects carrying a label. */
    List<Held> list(String label, String value) {
        List<? extends HasMetadata> items = secrets
                ? client.secrets().inNamespace(namespace).withLabel(label, value).list().getItems()
                : client.configMaps().inNamespace(namespace).withLabel(label, value).list().getItems();
        return items.stream().map(this::held).toList();
    }

    /** Creates, or updates with the resourceVersion given (the API server answers 409 when it is stale). */
    void write(Wanted w) {
        ObjectMeta meta = new ObjectMetaBuilder().withName(w.name()).withNamespace(namespace)
                .withResourceVersion(w.resourceVersion().orElse(null))
                .withAnnotations(new TreeMap<>(w.annotations())).withLabels(new TreeMap<>(w.labels())).build();
        Boolean immutable = w.immutable() ? Boolean.TRUE : null;
        if (secrets) {
            Map<String, String> encoded = new TreeMap<>();
            w.data().forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
            Secret s = new SecretBuilder().withMetadata(meta).withType("Opaque").withData(encoded)
                    .withImmutable(immutable).build();
            var op = client.secrets().inNamespace(namespace).resource(s);
            if (w.resourceVersion().isPresent()) {
                op.update();
            } else {
                op.create();
            }
        } else {
            ConfigMap c = new ConfigMapBuilder().withMetadata(meta).withData(new TreeMap<>(w.data()))
                    .withImmutable(immutable).build();
            var op = client.configMaps().inNamespace(namespace).resource(c);
            if (w.resourceVersion().isPresent()) {
                op.update();
            } else {
                op.create();
            }
        }
    }

    /** Deletes the object if it still has this resourceVersion. */
    void delete(String name, String resourceVersion) {
        if (secrets) {
            client.secrets().inNamespace(namespace).withName(name).lockResourceVersion(resourceVersion).delete();
        } else {
            client.configMaps().inNamespace(namespace).withName(name).lockResourceVersion(resourceVersion).delete();
        }
    }

    private Held held(HasMetadata item) {
        ObjectMeta m = item.getMetadata();
        Map<String, String> data = new TreeMap<>();
        boolean immutable;
        if (item instanceof Secret s) {
            orEmpty(s.getData()).forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v),
                    StandardCharsets.UTF_8)));
            orEmpty(s.getStringData()).forEach(data::put);
            immutable = Boolean.TRUE.equals(s.getImmutable());
        } else {
            ConfigMap c = (ConfigMap) item;
            data.putAll(orEmpty(c.getData()));
            immutable = Boolean.TRUE.equals(c.getImmutable());
        }
        return new Held(m.getName(), m.getResourceVersion() == null ? "" : m.getResourceVersion(), new TreeMap<>(data),
                orEmpty(m.getAnnotations()), orEmpty(m.getLabels()), immutable,
                m.getCreationTimestamp() == null ? "" : m.getCreationTimestamp());
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
