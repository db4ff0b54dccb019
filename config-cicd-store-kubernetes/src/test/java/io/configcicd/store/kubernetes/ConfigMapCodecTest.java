package io.configcicd.store.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreProviders;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapCodecTest {

    @Test
    void dottedPathsAreValidKeysButSlashesQuotesAndDotsAloneAreNot() {
        assertThat(ConfigMapCodec.validKey("kgot.num_next_steps_decision")).isTrue();
        assertThat(ConfigMapCodec.validKey("a-b_c.D9")).isTrue();
        assertThat(ConfigMapCodec.validKey("labels.\"app.kubernetes.io/name\"")).isFalse();
        assertThat(ConfigMapCodec.validKey("..")).isFalse();
        assertThat(ConfigMapCodec.validKey("x".repeat(254))).isFalse();
    }

    @Test
    void invalidKeysAreRefusedAsBadInputNamingThePathsButNoValue() {
        StoreContent keys = StoreContent.Keys.of(Map.of("ok.key", "1", "bad key", "hunter2", "a/b", "x"));

        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> ConfigMapCodec.toData("cm", keys, DocumentFormat.JSON));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.problem()).contains("2 configuration paths", "bad key", "a/b").doesNotContain("hunter2", "ok.key");
    }

    @Test
    void theSizeCountsKeysAndValuesInUtf8AsTheApiServerDoes() {
        assertThat(ConfigMapCodec.sizeBytes(Map.of("ab", "é"))).isEqualTo(4);
        String half = "x".repeat(512 * 1024);
        StoreException e = catchThrowableOfType(StoreException.class, () -> ConfigMapCodec.toData("cm",
                StoreContent.Keys.of(Map.of("a", half, "b", half)), DocumentFormat.JSON));
        assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_LARGE);
    }

    @Test
    void theRecordRoundTripsThroughAnnotationsAndAbsentAnnotationsAreNoRecord() {
        StoreContent doc = new StoreContent.Document("{}", DocumentFormat.JSON.mediaType());
        DeployedRecord record = DeployedRecord.of(doc, "abc123", "run-1", Instant.parse("2026-01-02T03:04:05Z"));

        Map<String, String> annotations = ConfigMapCodec.annotations(record);

        assertThat(annotations).containsKeys("config-cicd.io/commit", "config-cicd.io/deployment-id",
                "config-cicd.io/sha256", "config-cicd.io/time");
        assertThat(ConfigMapCodec.record(annotations)).contains(record);
        assertThat(ConfigMapCodec.record(Map.of("other", "x"))).isEmpty();
    }

    @Test
    void theProviderIsFoundByServiceLoaderAndAcceptsResolvedSecretsBecauseTheyGoToASecret() {
        var provider = StoreProviders.installed().find(KubernetesStoreProvider.TYPE);

        assertThat(provider).isPresent();
        assertThat(provider.get().acceptsResolvedSecrets()).isTrue();
        assertThat(provider.get().storeLimitBytes()).isEqualTo(1024L * 1024);
    }
}
