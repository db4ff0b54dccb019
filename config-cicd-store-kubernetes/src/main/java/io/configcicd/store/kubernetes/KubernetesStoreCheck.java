package io.configcicd.store.kubernetes;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreCheck.Status;
import io.configcicd.core.store.StoreCheck.Step;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code test-stores} for a {@code kubernetes-configmap} target: the API answers {@code /version} (reachable), a
 * {@code SelfSubjectAccessReview} is accepted (authenticated), the namespace exists and the user may {@code get}
 * configmaps (and secrets when resolving) and the target reads (can read), the user may {@code create} and
 * {@code update} them (can write). Nothing is written: the access reviews ask the API server, they do not try.
 */
final class KubernetesStoreCheck {

    private final KubernetesStore store;
    private final KubernetesClient client;
    private final KubernetesSettings settings;

    KubernetesStoreCheck(KubernetesStore store, KubernetesClient client) {
        this.store = store;
        this.client = client;
        this.settings = store.settings();
    }

    StoreCheck run() {
        long start = store.clock().millis();
        Step reachable = reachable();
        boolean up = reachable.status() == Status.OK;
        Step auth = up ? authenticated() : Step.skipped("the API server is not reachable");
        boolean in = up && auth.status() == Status.OK;
        Step read = in ? read() : Step.skipped("not authenticated");
        Step write = in ? allowed(List.of("create", "update")) : Step.skipped("not authenticated");
        return new StoreCheck(store.spec().name(), reachable, auth, read, write,
                Duration.ofMillis(Math.max(0, store.clock().millis() - start)));
    }

    private Step reachable() {
        try {
            String version = client.getKubernetesVersion().getGitVersion();
            return Step.ok("Kubernetes " + version + " at " + client.getMasterUrl().getHost());
        } catch (KubernetesClientException e) {
            return Step.failed(KubernetesErrors.translate(settings, "asking /version", "", e).problem());
        }
    }

    private Step authenticated() {
        try {
            review("get", "configmaps");
            return Step.ok("the API server accepted a SelfSubjectAccessReview");
        } catch (KubernetesClientException e) {
            return Step.failed(KubernetesErrors.translate(settings, "creating a SelfSubjectAccessReview", "", e)
                    .problem());
        }
    }

    private Step read() {
        String ns = store.objects().namespace();
        try {
            if (client.namespaces().withName(ns).get() == null) {
                return Step.failed("namespace " + ns + " does not exist");
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                return Step.failed(KubernetesErrors.translate(settings, "reading namespace " + ns, "", e).problem());
            }
            // may not get namespaces: the read below tells whether the namespace works for us
        }
        Step may = allowed(List.of("get"));
        if (may.status() != Status.OK) {
            return may;
        }
        try {
            store.read();
            return Step.ok(store.where(settings.name()));
        } catch (ConfigCicdException e) {
            return Step.failed(e.problem());
        }
    }

    /** Whether the user may do each verb on configmaps (and secrets when resolving), by SelfSubjectAccessReview. */
    private Step allowed(List<String> verbs) {
        List<String> resources = settings.toSecret() ? List.of("configmaps", "secrets") : List.of("configmaps");
        List<String> denied = new ArrayList<>();
        try {
            for (String resource : resources) {
                for (String verb : verbs) {
                    if (!review(verb, resource)) {
                        denied.add(verb + " " + resource);
                    }
                }
            }
        } catch (KubernetesClientException e) {
            return Step.failed(KubernetesErrors.translate(settings, "creating a SelfSubjectAccessReview", "", e)
                    .problem());
        }
        String ns = store.objects().namespace();
        return denied.isEmpty() ? Step.ok(String.join(", ", verbs) + " " + String.join(", ", resources) + " in " + ns)
                : Step.failed("not allowed in namespace " + ns + ": " + String.join(", ", denied));
    }

    private boolean review(String verb, String resource) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                .withNamespace(store.objects().namespace()).withVerb(verb).withResource(resource).endResourceAttributes()
                .endSpec().build();
        SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
        return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }
}
