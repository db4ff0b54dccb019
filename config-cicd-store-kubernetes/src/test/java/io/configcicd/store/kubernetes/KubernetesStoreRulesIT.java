package io.configcicd.store.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.SecretsMode;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of the issue that fabric8's CRUD mock does not enforce itself (size, immutability) or that need a
 * second writer (resourceVersion conflicts), checked against the adapter through the mock.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesStoreRulesIT {

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final AtomicInteger TESTS = new AtomicInteger();
    private String name;

    @BeforeEach
    void fresh() {
        KubernetesTargets.prepare(server, client, true);
        name = "config-rules-" + TESTS.incrementAndGet();
    }

    private static StoreState deployed(StoreContent content, String id) {
        return StoreState.of(content, DeployedRecord.of(content, "c0ffee", id, Instant.parse("2026-01-02T03:04:05Z")));
    }

    private static StoreContent keys(String value) {
        return StoreContent.Keys.of(Map.of("kgot.num_next_steps_decision", value, "db.password", "s3cr3t-" + value));
    }

    private ConfigMap raw(String n) {
        return client.configMaps().inNamespace(KubernetesTargets.NAMESPACE).withName(n).get();
    }

    @Test
    void theRecordIsWrittenAsAnnotationsWithTheManagedByLabel() {
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS))) {
            StoreState desired = deployed(keys("5"), "run-1");
            store.apply(desired, store.read());

            ConfigMap cm = raw(name);
            assertThat(cm.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "config-cicd");
            assertThat(cm.getMetadata().getAnnotations()).containsEntry("config-cicd.io/deployment-id", "run-1")
                    .containsEntry("config-cicd.io/commit", "c0ffee")
                    .containsEntry("config-cicd.io/sha256", desired.content().sha256());
            assertThat(cm.getData()).containsEntry("kgot.num_next_steps_decision", "5");
        }
    }

    @Test
    void aYamlDocumentGoesToTheDataKeyApplicationYaml() {
        StoreContent doc = new StoreContent.Document("kgot:\n  n: 5\n", DocumentFormat.YAML.mediaType());
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.DOCUMENT,
                SecretsMode.REFERENCE, DocumentFormat.YAML, Map.of()))) {
            store.apply(deployed(doc, "run-1"), store.read());

            assertThat(raw(name).getData()).containsOnlyKeys("application.yaml");
            assertThat(store.read().content()).isEqualTo(doc);
        }
    }

    @Test
    void dataAboveOneMebibyteIsRefusedBeforeAnythingIsWrittenThoughTheMockWouldAcceptIt() {
        StoreContent big = StoreContent.Keys.of(Map.of("blob", "x".repeat(1024 * 1024)));
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS))) {
            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(deployed(big, "run-1"), store.read()));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_LARGE);
            assertThat(raw(name)).isNull();
        }
    }

    @Test
    void invalidKeysAndDataAboveOneMebibyteAreRefusedAtPlanTimeWithoutARequest() {
        StoreContent big = StoreContent.Keys.of(Map.of("blob", "x".repeat(1024 * 1024)));
        StoreContent badKey = StoreContent.Keys.of(Map.of("labels.\"app/name\"", "demo"));
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS))) {
            StoreState live = store.read();
            int before = server.getRequestCount();

            StoreException large = catchThrowableOfType(StoreException.class,
                    () -> store.planNotes(live, deployed(big, "run-1")));
            ConfigCicdException invalid = catchThrowableOfType(ConfigCicdException.class,
                    () -> store.planNotes(live, deployed(badKey, "run-1")));

            assertThat(large.reason()).isEqualTo(StoreException.Reason.TOO_LARGE);
            assertThat(invalid.problem()).contains("labels.\"app/name\"");
            assertThat(store.planNotes(live, deployed(keys("5"), "run-1"))).isEmpty();
            assertThat(server.getRequestCount()).isEqualTo(before);
            assertThat(raw(name)).isNull();
        }
    }

    @Test
    void aWriteWhoseResourceVersionMovedOnOnlyInMetadataIsRetriedOnceAndSucceeds() {
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS))) {
            store.apply(deployed(keys("5"), "run-1"), store.read());
            StoreState planned = store.read();
            client.configMaps().inNamespace(KubernetesTargets.NAMESPACE).withName(name)
                    .edit(cm -> { cm.getMetadata().getLabels().put("team", "kgot"); return cm; });

            store.apply(deployed(keys("6"), "run-2"), planned);

            assertThat(store.read().record().map(DeployedRecord::deploymentId)).contains("run-2");
            assertThat(raw(name).getMetadata().getLabels()).containsEntry("team", "kgot");
        }
    }

    @Test
    void aWriteAfterAnotherDeployChangedTheRecordIsAConflictAndKeepsTheirs() {
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS));
             ConfigStore other = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS))) {
            store.apply(deployed(keys("5"), "run-1"), store.read());
            StoreState planned = store.read();
            other.apply(deployed(keys("7"), "run-3"), other.read());

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(deployed(keys("6"), "run-2"), planned));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
            assertThat(store.read().record().map(DeployedRecord::deploymentId)).contains("run-3");
        }
    }

    @Test
    void resolvedSecretsGoToAnOpaqueSecretOfTheSameNameAndNeverToAConfigMap() {
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS,
                SecretsMode.RESOLVE, DocumentFormat.JSON, Map.of()))) {
            StoreState desired = deployed(keys("5"), "run-1");
            store.apply(desired, store.read());

            assertThat(raw(name)).isNull();
            var secret = client.secrets().inNamespace(KubernetesTargets.NAMESPACE).withName(name).get();
            assertThat(secret.getType()).isEqualTo("Opaque");
            assertThat(secret.getData()).containsKey("db.password");
            assertThat(store.read().sameAs(desired)).isTrue();
        }
    }

    @Test
    void immutableDeploysCreateHashNamedImmutableConfigMapsBehindAPointerAndPruneBeyondKeep() {
        Map<String, String> immutable = Map.of(KubernetesSettings.IMMUTABLE, "true", KubernetesSettings.KEEP, "1");
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS,
                SecretsMode.REFERENCE, DocumentFormat.JSON, immutable))) {
            for (String v : List.of("1", "2", "3")) {
                store.apply(deployed(keys(v), "run-" + v), store.read());
            }

            String current = ConfigMapCodec.immutableName(name, keys("3"));
            assertThat(raw(name).getData()).containsExactly(Map.entry("current", current));
            assertThat(raw(current).getImmutable()).isTrue();
            assertThat(raw(ConfigMapCodec.immutableName(name, keys("2")))).isNotNull();
            assertThat(raw(ConfigMapCodec.immutableName(name, keys("1")))).isNull();
            assertThat(store.read().content()).isEqualTo(keys("3"));
        }
    }

    @Test
    void restoringAnImmutableTargetPointsBackAtTheVersionItHeldBefore() {
        Map<String, String> immutable = Map.of(KubernetesSettings.IMMUTABLE, "true");
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS,
                SecretsMode.REFERENCE, DocumentFormat.JSON, immutable))) {
            store.apply(deployed(keys("1"), "run-1"), store.read());
            StoreState before = store.read();
            store.apply(deployed(keys("2"), "run-2"), before);

            store.apply(before, store.read());

            assertThat(store.read().sameAs(before)).isTrue();
            assertThat(raw(name).getData().get("current")).isEqualTo(ConfigMapCodec.immutableName(name, keys("1")));
        }
    }

    @Test
    void testStoresNamesTheVerbsTheAccessReviewDenies() {
        server.clearExpectations();
        KubernetesTargets.prepare(server, client, false);
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS,
                SecretsMode.RESOLVE, DocumentFormat.JSON, new HashMap<>()))) {
            StoreCheck check = store.check();

            assertThat(check.passed()).isFalse();
            assertThat(check.canRead().detail()).contains("get configmaps", "get secrets");
        }
    }
}
