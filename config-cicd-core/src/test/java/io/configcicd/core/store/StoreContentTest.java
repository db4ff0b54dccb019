package io.configcicd.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreContentTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @Test
    void keysAreSortedByNameWhateverTheOrderTheyCameIn() {
        StoreContent.Keys keys = StoreContent.Keys.of(Map.of("b", "2", "a", "1", "c.d", "3"));

        assertThat(keys.entries().keySet()).containsExactly("a", "b", "c.d");
        assertThat(new String(keys.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"1\",\"b\":\"2\",\"c.d\":\"3\"}");
    }

    @Test
    void theTextOfContentNeverShowsItsValues() {
        assertThat(StoreContent.Keys.of(Map.of("db.password", "hunter2-secret")).toString()).doesNotContain("hunter2");
        assertThat(new StoreContent.Document("{\"password\": \"hunter2-secret\"}", "application/json").toString())
                .doesNotContain("hunter2");
    }

    @Test
    void anEmptyTargetHasEmptyContentOfItsLayout() {
        assertThat(StoreState.empty(Layout.KEYS).content().layout()).isEqualTo(Layout.KEYS);
        assertThat(StoreState.empty(Layout.DOCUMENT).content().isEmpty()).isTrue();
        assertThat(StoreState.empty(Layout.DOCUMENT).drifted()).isFalse();
    }

    @Test
    void aRecordRoundTripsThroughItsJsonFieldsInOrder() {
        StoreContent content = StoreContent.Keys.of(Map.of("a", "1"));
        DeployedRecord record = DeployedRecord.of(content, "0123abc", "run-7", NOW);

        String json = new String(StoreJson.writeRecord(record), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\n  \"commit\": \"0123abc\",\n  \"deployment_id\": \"run-7\",\n  \"sha256\": \""
                + content.sha256() + "\",\n  \"time\": \"2026-03-04T05:06:07Z\"\n}\n");
        assertThat(StoreJson.readRecord(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(record.describes(content)).isTrue();
    }

    @Test
    void aRecordWithAMissingFieldOrABadHashIsRefusedNamingTheField() {
        assertThatThrownBy(() -> StoreJson.readRecord("{\"commit\":\"a\",\"sha256\":\"b\",\"time\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8))).hasMessage("the deployed record has no field deployment_id");
        assertThatThrownBy(() -> new DeployedRecord("a", "b", "not-hex", NOW)).hasMessageContaining("sha256");
        assertThatThrownBy(() -> StoreJson.readFlat("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void driftIsContentThatTheRecordDoesNotDescribe() {
        StoreContent deployed = StoreContent.Keys.of(Map.of("a", "1"));
        StoreContent edited = StoreContent.Keys.of(Map.of("a", "2"));
        DeployedRecord record = DeployedRecord.of(deployed, "c", "d", NOW);

        assertThat(StoreState.of(deployed, record).drifted()).isFalse();
        assertThat(StoreState.of(edited, record).drifted()).isTrue();
        assertThat(new StoreState(edited, java.util.Optional.empty()).drifted()).as("content without a record").isTrue();
    }
}
