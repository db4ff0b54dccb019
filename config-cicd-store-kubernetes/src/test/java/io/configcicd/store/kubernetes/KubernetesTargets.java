package io.configcicd.store.kubernetes;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.SecretsMode;
import io.configcicd.core.store.TargetSpec;
import io.configcicd.core.store.TargetSpecs;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** Target specs and stores of the Kubernetes tests, against fabric8's mock API server in CRUD mode. */
public final class KubernetesTargets {

    public static final String NAMESPACE = "apps";
    static final String SSAR_PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private KubernetesTargets() {
    }

    public static TargetSpec spec(String name, Layout layout, SecretsMode secrets, DocumentFormat format,
                                  Map<String, String> more) {
        Map<String, String> options = new TreeMap<>(more);
        options.put(KubernetesSettings.NAME, name);
        options.put(KubernetesSettings.NAMESPACE, NAMESPACE);
        return new TargetSpec("cm", KubernetesStoreProvider.TYPE, "production", layout, secrets, format,
                TargetSpecs.DEFAULT_MAX_BYTES, new TreeMap<>(options));
    }

    public static TargetSpec spec(String name, Layout layout) {
        return spec(name, layout, SecretsMode.REFERENCE, DocumentFormat.JSON, Map.of());
    }

    /** A store on a client of its own (closing the store closes only that client). */
    public static ConfigStore open(KubernetesMockServer server, TargetSpec spec) {
        KubernetesClient client = server.createClient();
        return new KubernetesStore(spec, KubernetesSettings.of(spec), client, Clock.systemUTC());
    }

    /** The namespace exists and every SelfSubjectAccessReview is answered with {@code allowed}. */
    public static void prepare(KubernetesMockServer server, KubernetesClient admin, boolean allowed) {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
                .createOr(op -> op.update());
        server.expect().post().withPath(SSAR_PATH).andReturn(201, new SelfSubjectAccessReviewBuilder().withNewStatus()
                .withAllowed(allowed).endStatus().build()).always();
    }
}
