package io.configcicd.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.store.kubernetes.KubernetesTargets;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract every backend passes, against fabric8's mock API server in CRUD mode (409 on a stale
 * resourceVersion): each test gets a ConfigMap of its own. It lives in the contract's package only to replace the
 * one check a ConfigMap cannot pass by design: entry names with quotes or slashes are not valid ConfigMap keys,
 * and the issue asks for them to be refused, naming them, rather than written.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesConfigMapContractIT extends ConfigStoreContract {

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final AtomicInteger TESTS = new AtomicInteger();
    private String name;

    @BeforeEach
    void freshConfigMap() {
        KubernetesTargets.prepare(server, client, true);
        name = "config-contract-" + TESTS.incrementAndGet();
    }

    @Override
    protected ConfigStore open(Layout layout) {
        return KubernetesTargets.open(server, KubernetesTargets.spec(name, layout));
    }

    @Test
    @Override
    void entryNamesAndValuesWithQuotesNewlinesAndUnicodeRoundTrip() {
        StoreContent values = StoreContent.Keys.of(Map.of(
                "text.multi", "line one\nline \"two\"\ttabbed",
                "text.unicode", "Grüße, 東京 🚀",
                "text.empty", "",
                "text.backslash", "C:\\temp\\x"));
        StoreContent badName = StoreContent.Keys.of(Map.of("labels.\"app.kubernetes.io/name\"", "kgot"));
        try (ConfigStore store = open(Layout.KEYS)) {
            store.apply(deployed(values, "run-1"), store.read());
            assertThat(store.read().content()).isEqualTo(values);

            ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                    () -> store.apply(deployed(badName, "run-2"), store.read()));

            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.problem()).contains("labels.\"app.kubernetes.io/name\"").doesNotContain("kgot");
            assertThat(store.read().content()).isEqualTo(values);
        }
    }
}
