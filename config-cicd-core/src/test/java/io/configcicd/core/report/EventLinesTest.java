package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.event.Event;
import io.configcicd.core.model.Origin;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLinesTest {

    private static final Instant T = Instant.parse("2026-12-05T01:00:00Z");

    @Test
    void progressFilesAndBackupsAreInfoLinesInWords() {
        assertThat(EventLines.of(new Event.Progress(T, "deploy", "planning target cache")))
                .isEqualTo(LogLine.info("planning target cache"));
        assertThat(EventLines.of(new Event.FileWritten(T, "set", "environments/production.yaml")))
                .isEqualTo(LogLine.info("wrote environments/production.yaml"));
        assertThat(EventLines.of(new Event.BackupTaken(T, "validate", "backup-20261205-010000", "git tag")))
                .isEqualTo(LogLine.info("backup backup-20261205-010000 taken (git tag)"));
    }

    @Test
    void aTargetStepIsAnInfoLineNamingTheOperationAndTheTarget() {
        assertThat(EventLines.of(new Event.TargetStep(T, "deploy", "cache", "applied and verified")))
                .isEqualTo(LogLine.info("deploy cache: applied and verified"));
        assertThat(EventLines.of(new Event.TargetStep(T, "deploy", "", "journal .config-cicd/deployments/d1.json started")))
                .isEqualTo(LogLine.info("deploy: journal .config-cicd/deployments/d1.json started"));
    }

    @Test
    void aWarningStandsOutAndNamesItsFileAndLineWhenItHasOne() {
        assertThat(EventLines.of(new Event.Warning(T, "history", "the history is cut by a shallow clone", Origin.UNKNOWN)))
                .isEqualTo(new LogLine(LogLine.Level.WARN, "the history is cut by a shallow clone"));
        assertThat(EventLines.of(new Event.Warning(T, "validate", "a waiver expired", new Origin("config-cicd.yaml", 4, 3))))
                .isEqualTo(new LogLine(LogLine.Level.WARN, "config-cicd.yaml:4:3: a waiver expired"));
    }

    @Test
    void aFailedOrUnrestoredTargetStandsOut() {
        assertThat(EventLines.of(new Event.TargetStep(T, "deploy", "cache", "applied and verified")))
                .isEqualTo(LogLine.info("deploy cache: applied and verified"));
        assertThat(EventLines.of(new Event.TargetStep(T, "deploy", "cache", "failed: connection refused")).level())
                .isEqualTo(LogLine.Level.WARN);
        assertThat(EventLines.of(new Event.TargetStep(T, "deploy", "kv", "RESTORE FAILED: unreachable")).level())
                .isEqualTo(LogLine.Level.WARN);
    }
}
