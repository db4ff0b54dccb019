package io.configcicd.store.kubernetes;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreProvider;
import io.configcicd.core.store.TargetSpec;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: kubernetes-configmap} (ARCHITECTURE 3a): options {@code name} (default
 * {@value KubernetesSettings#DEFAULT_NAME}), {@code namespace}, {@code kubeconfig}, {@code context},
 * {@code immutable} and {@code keep}. Layout {@code document} by default (data key {@code application.json} or,
 * with {@code format: yaml}, {@code application.yaml}). A ConfigMap holds at most 1 MiB.
 *
 * <p>{@code secrets: resolve} is accepted because the resolved content never goes to the ConfigMap: the target then
 * writes a Secret of the same name (type {@code Opaque}) instead, data and record alike. The SPI hands a store the
 * resolved content without saying which entries were secrets, so the whole content goes to the Secret; the
 * ConfigMap is not written.
 */
public final class KubernetesStoreProvider implements StoreProvider {

    public static final String TYPE = "kubernetes-configmap";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Layout defaultLayout() {
        return Layout.DOCUMENT;
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of(KubernetesSettings.NAME, KubernetesSettings.NAMESPACE, KubernetesSettings.KUBECONFIG,
                KubernetesSettings.CONTEXT, KubernetesSettings.IMMUTABLE, KubernetesSettings.KEEP);
    }

    @Override
    public Map<String, String> optionDefaults() {
        return Map.of(KubernetesSettings.NAME, KubernetesSettings.DEFAULT_NAME);
    }

    @Override
    public boolean acceptsResolvedSecrets() {
        return true;
    }

    @Override
    public long storeLimitBytes() {
        return ConfigMapCodec.LIMIT_BYTES;
    }

    @Override
    public ConfigStore open(TargetSpec spec, StoreContext context) {
        KubernetesSettings settings = KubernetesSettings.of(spec);
        return new KubernetesStore(spec, settings, KubernetesClients.open(settings, context.baseDirectory()),
                context.clock());
    }
}
