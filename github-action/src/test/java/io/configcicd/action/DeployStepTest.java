package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code command: deploy | drift | test-stores} in a simulated runner, staging deploying to a file target. */
class DeployStepTest {

    @TempDir
    Path tmp;

    private SimulatedRunner runner;
    private Path deployed;

    @BeforeEach
    void repository() throws Exception {
        runner = new SimulatedRunner(tmp);
        runner.write("config-cicd.yaml", """
                environments:
                  staging: {targets: [local]}
                  production: {protected: true}
                targets:
                  local: {type: file, path: build/deployed}
                """);
        runner.commit("initial");
        deployed = runner.workspace.resolve("build/deployed/staging.json");
    }

    @Test
    void deployWritesTheTargetAndEveryOutputAndPutsThePlanInTheSummary() throws Exception {
        SimulatedRunner.Step step = runner.run("command", "deploy", "environment", "staging");

        assertThat(step.exitCode()).as(step.stdout()).isZero();
        assertThat(Files.readString(deployed)).contains("\"timeout\": 45");
        assertThat(step.outputs()).containsOnlyKeys("deployment_id", "changed_keys", "report");
        assertThat(step.outputs().get("deployment_id")).isEqualTo(SimulatedRunner.RUN_ID);
        assertThat(step.outputs().get("changed_keys")).isEqualTo("database.host\ndatabase.password\n"
                + "security.authentication.enabled\nsecurity.encryption.enabled\nservice.port\nservice.timeout");
        assertThat(step.outputs().get("report")).isEqualTo(".config-cicd/reports/deploy.json");
        JsonNode report = JsonMapper.shared().readTree(step.report());
        assertThat(report.path("status").asString()).isEqualTo("applied");
        assertThat(report.path("deployment_id").asString()).isEqualTo(SimulatedRunner.RUN_ID);
        assertThat(step.summary()).contains("## deploy staging: applied to 1 target(s)")
                .contains("| target | status | added | changed | deleted | drift |").contains("| local | applied |");
        assertThat(step.stdout()).contains("target local (file, document): APPLIED");
        assertThat(runner.config.resolve(".config-cicd/deployments/" + SimulatedRunner.RUN_ID + ".json")).exists();
    }

    @Test
    void aSecondDeployOfTheSameCommitWritesNothingAndExitsZero() throws Exception {
        assertThat(runner.run("command", "deploy", "environment", "staging", "deployment_id", "first").exitCode())
                .isZero();
        long modified = Files.getLastModifiedTime(deployed).toMillis();

        SimulatedRunner.Step again = runner.run("command", "deploy", "environment", "staging", "deployment_id", "second");

        assertThat(again.exitCode()).as(again.stdout()).isZero();
        assertThat(again.summary()).contains("nothing to do");
        assertThat(again.outputs().get("changed_keys")).isEmpty();
        assertThat(Files.getLastModifiedTime(deployed).toMillis()).isEqualTo(modified);
    }

    @Test
    void aDryRunPutsThePlanInTheSummaryAndWritesNothing() throws Exception {
        SimulatedRunner.Step step = runner.run("command", "deploy", "environment", "staging", "dry_run", "true");

        assertThat(step.exitCode()).as(step.stdout()).isZero();
        assertThat(step.summary()).contains("dry run, nothing written").contains("```diff");
        assertThat(JsonMapper.shared().readTree(step.report()).path("status").asString()).isEqualTo("dry-run");
        assertThat(runner.workspace.resolve("build")).doesNotExist();
        assertThat(runner.config.resolve(".config-cicd/deployments")).doesNotExist();
    }

    @Test
    void driftAfterAHandEditExitsOneAndSaysWhichTargetDrifted() throws Exception {
        assertThat(runner.run("command", "deploy", "environment", "staging").exitCode()).isZero();
        SimulatedRunner.Step clean = runner.run("command", "drift", "environment", "staging");
        assertThat(clean.exitCode()).as(clean.stdout()).isZero();
        assertThat(clean.summary()).contains("no drift");
        Files.writeString(deployed, Files.readString(deployed).replace("45", "99"));

        SimulatedRunner.Step drift = runner.run("command", "drift", "environment", "staging");

        assertThat(drift.exitCode()).as(drift.stdout()).isEqualTo(1);
        assertThat(drift.summary()).contains("drift found").contains("| local | yes |");
        assertThat(drift.stdout()).contains("target local: drifted").contains("::error title=config-cicd::drift");
        assertThat(JsonMapper.shared().readTree(drift.report()).path("drift").asBoolean()).isTrue();
    }

    @Test
    void aDeployRefusedByValidationExitsOneAndWritesNothing() throws Exception {
        runner.write("environments/staging.yaml", "service:\n  timeout: 45\ncache:\n  password: plain-text-Pass\n");

        SimulatedRunner.Step step = runner.run("command", "deploy", "environment", "staging");

        assertThat(step.exitCode()).as(step.stdout()).isEqualTo(1);
        assertThat(step.summary()).contains("refused, nothing written").contains("refused by");
        assertThat(step.stdout()).contains("::error title=config-cicd::deploy of staging: refused (exit 1)");
        assertThat(runner.workspace.resolve("build")).doesNotExist();
    }

    @Test
    void testStoresPassesForAWritableTargetAndExitsThreeForOneThatIsNot() throws Exception {
        SimulatedRunner.Step ok = runner.run("command", "test-stores");
        assertThat(ok.exitCode()).as(ok.stdout()).isZero();
        assertThat(ok.summary()).contains("## test-stores").contains("| local | ok |");
        assertThat(ok.outputs().get("report")).isEqualTo(".config-cicd/reports/test-stores.json");

        Files.writeString(runner.workspace.resolve("build"), "a file where the target's directory should be");
        SimulatedRunner.Step failed = runner.run("command", "test-stores", "environment", "staging");

        assertThat(failed.exitCode()).as(failed.stdout()).isEqualTo(3);
        assertThat(failed.summary()).contains("| local | **failed** |");
    }

    @Test
    void deployNeedsExactlyOneEnvironment() throws Exception {
        SimulatedRunner.Step none = runner.run("command", "deploy");
        SimulatedRunner.Step two = runner.run("command", "deploy", "environment", "staging, production");

        for (SimulatedRunner.Step step : new SimulatedRunner.Step[] {none, two}) {
            assertThat(step.exitCode()).as(step.stdout()).isEqualTo(2);
            assertThat(step.stdout()).contains("input environment: deploy takes exactly one environment");
        }
        assertThat(runner.workspace.resolve("build")).doesNotExist();
    }

    @Test
    void anEnvironmentWithoutTargetsIsBadInput() throws Exception {
        SimulatedRunner.Step step = runner.run("command", "deploy", "environment", "production");

        assertThat(step.exitCode()).as(step.stdout()).isEqualTo(2);
        assertThat(step.stdout()).contains("environment production has no deploy targets");
    }
}
