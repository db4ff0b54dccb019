package io.configcicd.store.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.SecretsMode;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code secrets: resolve} in the {@code keys} layout against fabric8's CRUD mock: the entries the deploy names as
 * secrets go to an Opaque Secret of the target's name, the others and the record to the ConfigMap of that name.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesSecretSplitIT {

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final AtomicInteger TESTS = new AtomicInteger();
    private static final Optional<Set<String>> SECRET_ENTRIES = Optional.of(Set.of("db.password"));
    private String name;

    @BeforeEach
    void fresh() {
        KubernetesTargets.prepare(server, client, true);
        name = "config-split-" + TESTS.incrementAndGet();
    }

    private ConfigStore open() {
        return KubernetesTargets.open(server, KubernetesTargets.spec(name, Layout.KEYS, SecretsMode.RESOLVE,
                DocumentFormat.JSON, Map.of()));
    }

    private static StoreContent keys(String value) {
        return StoreContent.Keys.of(Map.of("kgot.num_next_steps_decision", value, "db.password", "s3cr3t-" + value));
    }

    private static StoreState deployed(String value, String id, Optional<Set<String>> secretEntries) {
        StoreContent content = keys(value);
        return StoreState.of(content, DeployedRecord.of(content, "c0ffee", id, Instant.parse("2026-01-02T03:04:05Z")))
                .withSecretEntries(secretEntries);
    }

    private ConfigMap configMap() {
        return client.configMaps().inNamespace(KubernetesTargets.NAMESPACE).withName(name).get();
    }

    private Secret secret() {
        return client.secrets().inNamespace(KubernetesTargets.NAMESPACE).withName(name).get();
    }

    private static Map<String, String> decoded(Secret s) {
        Map<String, String> out = new TreeMap<>();
        s.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void theConfigMapHoldsTheOtherEntriesAndTheRecordButNeverAResolvedValue() {
        try (ConfigStore store = open()) {
            store.apply(deployed("5", "run-1", SECRET_ENTRIES), store.read());

            assertThat(configMap().getData()).containsExactly(Map.entry("kgot.num_next_steps_decision", "5"));
            assertThat(configMap().getData().values()).noneMatch(v -> v.contains("s3cr3t"));
            assertThat(configMap().getMetadata().getAnnotations())
                    .containsEntry(ConfigMapCodec.PREFIX + "deployment-id", "run-1");
        }
    }

    @Test
    void theSecretIsOpaqueAndHoldsExactlyTheSecretEntriesWithoutTheRecord() {
        try (ConfigStore store = open()) {
            store.apply(deployed("5", "run-1", SECRET_ENTRIES), store.read());

            assertThat(secret().getType()).isEqualTo("Opaque");
            assertThat(decoded(secret())).containsExactly(Map.entry("db.password", "s3cr3t-5"));
            assertThat(secret().getMetadata().getAnnotations()).doesNotContainKey(ConfigMapCodec.PREFIX + "sha256");
        }
    }

    @Test
    void aServiceReadingBothObjectsGetsTheFullConfigurationAndSoDoesRead() {
        try (ConfigStore store = open()) {
            StoreState desired = deployed("5", "run-1", SECRET_ENTRIES);
            store.apply(desired, store.read());

            Map<String, String> both = new TreeMap<>(configMap().getData());
            both.putAll(decoded(secret()));
            assertThat(both).isEqualTo(((StoreContent.Keys) keys("5")).entries());
            StoreState read = store.read();
            assertThat(read.sameAs(desired)).isTrue();
            assertThat(read.secretEntries()).isEqualTo(SECRET_ENTRIES);
            assertThat(store.verify(desired).matches()).isTrue();
        }
    }

    @Test
    void applyingTheStateReadBeforeRestoresBothObjects() {
        try (ConfigStore store = open()) {
            store.apply(deployed("1", "run-1", SECRET_ENTRIES), store.read());
            StoreState before = store.read();
            store.apply(deployed("2", "run-2", SECRET_ENTRIES), before);

            store.apply(before, store.read());

            assertThat(configMap().getData()).containsExactly(Map.entry("kgot.num_next_steps_decision", "1"));
            assertThat(decoded(secret())).containsExactly(Map.entry("db.password", "s3cr3t-1"));
            assertThat(store.read().sameAs(before)).isTrue();
        }
    }

    @Test
    void restoringATargetThatDidNotExistRemovesBothObjects() {
        try (ConfigStore store = open()) {
            StoreState before = store.read();
            store.apply(deployed("1", "run-1", SECRET_ENTRIES), before);

            store.apply(before, store.read());

            assertThat(configMap()).isNull();
            assertThat(secret()).isNull();
        }
    }

    @Test
    void aSecretChangedByAnotherWriterSinceTheReadIsAConflictAndNothingIsWritten() {
        try (ConfigStore store = open()) {
            store.apply(deployed("1", "run-1", SECRET_ENTRIES), store.read());
            StoreState read = store.read();
            Secret theirs = secret();
            theirs.getData().put("db.password", Base64.getEncoder().encodeToString("theirs".getBytes(StandardCharsets.UTF_8)));
            client.secrets().inNamespace(KubernetesTargets.NAMESPACE).resource(theirs).update();

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(deployed("2", "run-2", SECRET_ENTRIES), read));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
            assertThat(e.getMessage()).doesNotContain("theirs").doesNotContain("s3cr3t");
            assertThat(configMap().getData()).containsEntry("kgot.num_next_steps_decision", "1");
            assertThat(decoded(secret())).containsEntry("db.password", "theirs");
        }
    }

    @Test
    void aStateThatDoesNotTellItsSecretEntriesIsKeptWholeInTheSecretAndTheConfigMapGoes() {
        try (ConfigStore store = open()) {
            store.apply(deployed("1", "run-1", SECRET_ENTRIES), store.read());

            store.apply(deployed("2", "run-2", Optional.empty()), store.read());

            assertThat(configMap()).isNull();
            assertThat(decoded(secret())).isEqualTo(((StoreContent.Keys) keys("2")).entries());
            assertThat(store.read().record().map(DeployedRecord::deploymentId)).contains("run-2");
        }
    }
}
