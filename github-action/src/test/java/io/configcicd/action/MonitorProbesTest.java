package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.deploy.probe.ProbeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code command: monitor} with probes in a simulated runner: a command probe ({@code test -f healthy} in the
 * repository's root) and the HTTP double {@link ProbeServer} with a {@code ${HEALTH_TOKEN}} header; staging deployed
 * twice to a file target (d1 then d2), d2 watched in rounds of 200 ms, two failed rounds in a row roll it back.
 */
class MonitorProbesTest {

    private static final String TOKEN = "health-Token-73105";

    @TempDir
    Path tmp;

    private SimulatedRunner runner;
    private ProbeServer server;
    private Path deployed;
    private String first;

    @BeforeEach
    void deployedTwice() throws Exception {
        server = ProbeServer.start();
        runner = new SimulatedRunner(tmp);
        runner.write("config-cicd.yaml", """
                environments:
                  staging:
                    targets: [local]
                    monitor:
                      interval: 200ms
                      failures: 2
                      probes:
                        - {name: smoke, command: "test -f healthy || { echo no healthy file; exit 1; }"}
                        - {name: health, http: "%s", expect_status: 200, json_pointer: /status, expect: UP,
                           headers: {Authorization: "Bearer ${HEALTH_TOKEN}"}}
                  production: {protected: true}
                targets:
                  local: {type: file, path: build/deployed}
                """.formatted(server.healthUrl()));
        runner.set("HEALTH_TOKEN", TOKEN);
        runner.commit("initial");
        deployed = runner.workspace.resolve("build/deployed/staging.json");
        assertThat(runner.run("command", "deploy", "environment", "staging", "deployment_id", "d1").exitCode()).isZero();
        first = Files.readString(deployed);
        runner.edit("environments/staging.yaml", "timeout: 45", "timeout: 46");
        runner.commit("staging waits longer");
        assertThat(runner.run("command", "deploy", "environment", "staging", "deployment_id", "d2").exitCode()).isZero();
        assertThat(Files.readString(deployed)).contains("\"timeout\": 46");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthyProbesKeepTheDeploymentAndTheirLatenciesReachTheSummary() throws Exception {
        Files.writeString(runner.workspace.resolve("healthy"), "");

        SimulatedRunner.Step step = runner.run("command", "monitor", "environment", "staging", "deployment_id", "d2",
                "duration", "1s");

        assertThat(step.exitCode()).as(step.stdout()).isZero();
        assertThat(step.stdout()).contains("::group::monitor round 1: healthy", "  probe smoke ok (exit 0, ",
                "  probe health ok (HTTP 200");
        assertThat(step.summary()).contains("## monitor staging: healthy", "| smoke | command |", "| health | http |");
        assertThat(Files.readString(deployed)).contains("\"timeout\": 46");
    }

    @Test
    void aFailingProbeRollsTheFileBackToThePreviousDeploymentAndExitsOneAfterWritingOutputsAndSummary()
            throws Exception {
        SimulatedRunner.Step step = runner.run("command", "monitor", "environment", "staging", "deployment_id", "d2",
                "duration", "30s");

        assertThat(step.exitCode()).as(step.stdout()).isEqualTo(1);
        assertThat(Files.readString(deployed)).isEqualTo(first);
        assertThat(step.stdout()).contains("::group::monitor round 1: FAILED", "::group::monitor round 2: FAILED",
                "probe smoke FAILED (exit 1: no healthy file")
                .contains("::error title=config-cicd::monitor of staging: failed, rolled back: probe smoke failed 2 "
                        + "round(s) in a row; rolled back as deployment d2-rollback, verified (exit 1)")
                .doesNotContain("::group::monitor round 3");
        assertThat(step.outputs()).containsOnlyKeys("deployment_id", "report");
        assertThat(step.outputs().get("deployment_id")).isEqualTo("d2");
        JsonNode report = JsonMapper.shared().readTree(step.report());
        assertThat(report.path("status").asString()).isEqualTo("failed, rolled back");
        assertThat(report.path("rollback").path("status").asString()).isEqualTo("applied");
        assertThat(step.summary()).contains("## monitor staging: failed, rolled back", "| smoke | command |");
    }

    @Test
    void theHeaderTokenIsMaskedWithAddMaskBeforeTheFirstRoundAndNeverWrittenAnywhere() throws Exception {
        Files.writeString(runner.workspace.resolve("healthy"), "");
        server.respond(503, "{\"status\":\"DOWN\",\"seen\":\"Bearer " + TOKEN + "\"}");

        SimulatedRunner.Step step = runner.run("command", "monitor", "environment", "staging", "deployment_id", "d2",
                "duration", "30s");

        assertThat(step.exitCode()).as(step.stdout()).isEqualTo(1);
        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization"))
                .contains("Bearer " + TOKEN));
        List<String> lines = step.stdout().lines().toList();
        int mask = lines.indexOf("::add-mask::" + TOKEN);
        assertThat(mask).as(step.stdout()).isGreaterThanOrEqualTo(0);
        assertThat(lines.subList(0, mask)).as("printed before the token's mask")
                .allMatch(l -> l.startsWith("::add-mask::"));
        assertThat(String.join("\n", lines.subList(mask, lines.size()))).contains("::group::monitor round 1: FAILED",
                "probe health FAILED (HTTP 503");
        String rest = String.join("\n", lines.subList(mask + 1, lines.size())) + step.stderr() + step.outputFile()
                + step.summary() + step.report();
        assertThat(rest).doesNotContain(TOKEN).contains("******");
        assertThat(Files.readString(runner.config.resolve(".config-cicd/deployments/d2.json"))).doesNotContain(TOKEN);
    }
}
