package io.configcicd.store.kubernetes;

import io.configcicd.core.store.StoreException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the fabric8 client of a target the way fabric8 finds a cluster: the {@code kubeconfig} file when the
 * target names one (relative to the repository), else {@code KUBECONFIG} / {@code ~/.kube/config}, else the
 * in-cluster service account; {@code context} picks a kubeconfig context, {@code namespace} overrides the one
 * the configuration names. The HTTP client is the JDK's ({@code kubernetes-httpclient-jdk}): no netty, no okhttp.
 */
final class KubernetesClients {

    private KubernetesClients() {
    }

    static KubernetesClient open(KubernetesSettings settings, Path baseDirectory) {
        String context = settings.context().orElse(null);
        try {
            Config config;
            if (settings.kubeconfig().isPresent()) {
                Path file = baseDirectory.resolve(settings.kubeconfig().get());
                if (!Files.isRegularFile(file)) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, settings.target(), "the kubeconfig "
                            + file + " does not exist", "fix kubeconfig: of the target, or leave it out to use"
                            + " KUBECONFIG, ~/.kube/config or the in-cluster service account");
                }
                config = Config.fromKubeconfig(context, new File(file.toString()));
            } else {
                config = Config.autoConfigure(context);
            }
            settings.namespace().ifPresent(config::setNamespace);
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.translate(settings, "loading the kubeconfig" + (context == null ? "" : " (context "
                    + context + ")"), KubernetesStore.NOTHING_WRITTEN, e);
        }
    }
}
