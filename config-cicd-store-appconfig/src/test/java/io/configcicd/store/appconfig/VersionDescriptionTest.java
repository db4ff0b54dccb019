package io.configcicd.store.appconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.store.DeployedRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionDescriptionTest {

    private static final DeployedRecord RECORD = new DeployedRecord("0123456789abcdef0123", "20260301-100000-ab12",
            "a".repeat(64), Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void theRecordRoundTripsThroughTheDescription() {
        assertThat(VersionDescription.read(VersionDescription.of(RECORD))).contains(RECORD);
    }

    @Test
    void aDescriptionWithoutTheMarkerHasNoRecord() {
        assertThat(VersionDescription.read("hand-made version")).isEmpty();
        assertThat(VersionDescription.read(VersionDescription.EMPTY)).isEmpty();
    }

    @Test
    void theLabelCarriesTheShortCommitAndTheDeploymentIdWithinSixtyFourCharacters() {
        assertThat(VersionDescription.label(RECORD)).isEqualTo("0123456789ab/20260301-100000-ab12");
        DeployedRecord longId = new DeployedRecord("c", "x".repeat(100), "a".repeat(64), RECORD.time());
        assertThat(VersionDescription.label(longId)).hasSize(64);
    }
}
