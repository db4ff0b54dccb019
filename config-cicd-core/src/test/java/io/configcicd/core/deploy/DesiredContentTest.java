package io.configcicd.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.SecretsMode;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import io.configcicd.core.store.TargetSpecs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DesiredContentTest {

    private static final String YAML = """
            kgot:
              num_next_steps_decision: 5
            db:
              url: jdbc:postgresql://db/kgot
              password: ${DB_PASSWORD}
            credentials:
              user: kgot
            max_tokens: 100
            """;

    private static final SecretMasker KEYS = new SecretMasker(Settings.DEFAULT_SECRET_KEYS);

    private static ConfigMap effective() {
        return (ConfigMap) new YamlCodec().parse(YAML.getBytes(StandardCharsets.UTF_8), "global/app.yaml",
                LoadLimits.DEFAULT);
    }

    private static TargetSpec spec(Layout layout, SecretsMode secrets) {
        return new TargetSpec("cm", "kubernetes-configmap", "production", layout, secrets, DocumentFormat.JSON,
                TargetSpecs.DEFAULT_MAX_BYTES, new TreeMap<>());
    }

    @Test
    void keysLayoutTellsTheStoreExactlyTheEntriesWhosePathASecretKeyMatches() {
        DesiredContent.Built built = DesiredContent.build(effective(), spec(Layout.KEYS, SecretsMode.RESOLVE),
                Map.of("DB_PASSWORD", "s3cr3t"), KEYS);

        assertThat(built.secretEntries()).contains(Set.of("db.password", "credentials.user"));
    }

    @Test
    void documentLayoutTellsNothingSoAStoreThatKeepsSecretsApartKeepsTheWholeDocumentWithThem() {
        DesiredContent.Built built = DesiredContent.build(effective(), spec(Layout.DOCUMENT, SecretsMode.RESOLVE),
                Map.of("DB_PASSWORD", "s3cr3t"), KEYS);

        assertThat(built.secretEntries()).isEmpty();
    }

    @Test
    void theSecretEntriesAreNoPartOfTheContentHashNorOfCheckAndSet() {
        DesiredContent.Built built = DesiredContent.build(effective(), spec(Layout.KEYS, SecretsMode.REFERENCE),
                Map.of(), KEYS);
        StoreState told = StoreState.of(built.content(), DeployedRecord.of(built.content(), "c0ffee", "run-1",
                Instant.parse("2026-01-02T03:04:05Z"))).withSecretEntries(built.secretEntries());
        StoreState notTold = told.withSecretEntries(Optional.empty());

        assertThat(told.secretEntries()).isPresent();
        assertThat(told.sameAs(notTold)).isTrue();
        assertThat(told.record().get().describes(notTold.content())).isTrue();
        assertThat(told.toString()).doesNotContain("s3cr3t");
    }
}
