package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code command: monitor} in a simulated runner: staging deployed to a file target, then watched in rounds of 200 ms
 * (two failed rounds in a row roll it back).
 */
class MonitorStepTest {

    static final String SETTINGS = """
            environments:
              staging:
                targets: [local]
                monitor: {interval: 200ms, failures: 2}
              production: {protected: true}
            targets:
              local: {type: file, path: build/deployed}
            """;

    @TempDir
    Path tmp;

    private SimulatedRunner runner;
    private Path deployed;

    @BeforeEach
    void deployed() throws Exception {
        runner = new SimulatedRunner(tmp);
        runner.write("config-cicd.yaml", SETTINGS);
        runner.commit("initial");
        deployed = runner.workspace.resolve("build/deployed/staging.json");
        SimulatedRunner.Step deploy = runner.run("command", "deploy", "environment", "staging", "deployment_id", "d1");
        assertThat(deploy.exitCode()).as(deploy.stdout()).isZero();
    }

    @Test
    void aHealthyDeploymentExitsZeroWithOneGroupPerRoundAndItsReportInTheOutputsAndTheSummary() throws Exception {
        SimulatedRunner.Step step = runner.run("command", "monitor", "environment", "staging", "deployment_id", "d1",
                "duration", "1s");

        assertThat(step.exitCode()).as(step.stdout()).isZero();
        assertThat(step.stdout()).contains("::group::monitor round 1: healthy\nround 1: healthy; targets hold d1\n"
                + "  target local: holds deployment d1 (sha256 ", "::endgroup::\n::group::monitor round 3: healthy")
                .contains("monitor staging: healthy").doesNotContain("::error").doesNotContain("::warning");
        assertThat(step.outputs()).containsOnlyKeys("deployment_id", "report");
        assertThat(step.outputs().get("deployment_id")).isEqualTo("d1");
        assertThat(step.outputs().get("report")).isEqualTo(".config-cicd/reports/monitor.json");
        JsonNode report = JsonMapper.shared().readTree(step.report());
        assertThat(report.path("status").asString()).isEqualTo("healthy");
        assertThat(report.path("rounds").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(step.summary()).contains("## monitor staging: healthy").contains("| local | holds deployment d1 (sha256 ");
    }

    @Test
    void theDeploymentIdDefaultsToTheRunIdAsDeploysDoes() throws Exception {
        assertThat(runner.run("command", "deploy", "environment", "staging").exitCode()).isZero();

        SimulatedRunner.Step step = runner.run("command", "monitor", "environment", "staging", "duration", "300ms");

        assertThat(step.exitCode()).as(step.stdout()).isZero();
        assertThat(step.outputs().get("deployment_id")).isEqualTo(SimulatedRunner.RUN_ID);
    }

    @Test
    void aHandEditDuringMonitoringFailsTheRoundsAndTheRollbackIsRefusedNotForced() throws Exception {
        SimulatedRunner.Running running = runner.start("command", "monitor", "environment", "staging",
                "deployment_id", "d1", "duration", "30s");
        running.awaitOutput("::group::monitor round 1: healthy");
        Files.writeString(deployed, Files.readString(deployed).replace("45", "99"));

        SimulatedRunner.Step step = running.await();

        assertThat(step.exitCode()).as(step.stdout()).isEqualTo(1);
        assertThat(step.stdout()).contains("::group::monitor round 2: FAILED")
                .contains("::warning title=config-cicd::round 2: FAILED (1 of 2 in a row: target local drifted)")
                .contains("::error title=config-cicd::monitor of staging: failed, rollback refused: ");
        assertThat(step.summary()).contains("## monitor staging: failed, rollback refused");
        assertThat(JsonMapper.shared().readTree(step.report()).path("healthy").asBoolean()).isFalse();
        assertThat(Files.readString(deployed)).contains("99");
    }

    @Test
    void sigtermStopsTheRunAtOnceWithoutRollbackWritesTheOutputsAndExitsThree() throws Exception {
        SimulatedRunner.Running running = runner.start("command", "monitor", "environment", "staging",
                "deployment_id", "d1", "duration", "60s");
        running.awaitOutput("::group::monitor round 1: healthy");
        long sent = System.nanoTime();

        running.sigterm();
        SimulatedRunner.Step step = running.await();

        assertThat(System.nanoTime() - sent).as("stopped within the grace").isLessThan(ActionMain.SIGTERM_GRACE.toNanos());
        assertThat(step.exitCode()).as(step.stdout()).isEqualTo(3);
        assertThat(step.stdout()).contains("::error title=config-cicd::monitor of staging: monitoring interrupted: "
                + "stopped by SIGTERM").contains("rollback --environment staging --deployment-id d1");
        assertThat(step.outputs()).containsOnlyKeys("deployment_id", "report");
        assertThat(JsonMapper.shared().readTree(step.report()).path("status").asString())
                .isEqualTo("monitoring interrupted");
        assertThat(step.summary()).contains("## monitor staging: monitoring interrupted");
        assertThat(Files.readString(runner.config.resolve(".config-cicd/deployments/d1.json")))
                .contains("monitoring interrupted");
        assertThat(Files.readString(deployed)).contains("\"timeout\": 45");
    }

    @Test
    void monitorWithoutADurationOrWithTwoEnvironmentsIsBadInput() throws Exception {
        SimulatedRunner.Step noDuration = runner.run("command", "monitor", "environment", "staging");
        SimulatedRunner.Step two = runner.run("command", "monitor", "environment", "staging,production",
                "duration", "1s");

        assertThat(noDuration.exitCode()).isEqualTo(2);
        assertThat(noDuration.stdout()).contains("::error title=config-cicd::input duration: monitor needs how long");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.stdout()).contains("input environment: monitor takes exactly one environment");
    }
}
