package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The action's entry point run as a process in a simulated runner: a real git repository with three commits
 * (initial, a security change in production, a reformatting), the runner's files and an event payload.
 */
class ActionMainTest {

    @TempDir
    Path tmp;

    private SimulatedRunner runner;
    private String initial;
    private String securityChange;
    private String reformatting;

    @BeforeEach
    void repository() throws Exception {
        runner = new SimulatedRunner(tmp);
        initial = runner.commit("initial");
        runner.edit("environments/production.yaml", "    enabled: true\n", "    enabled: false\n");
        securityChange = runner.commit("turn authentication off in production");
        runner.edit("environments/staging.yaml", "  timeout: 45\n", "  timeout:    45   # seconds\n");
        reformatting = runner.commit("reformat staging");
    }

    @Test
    void assessOnAPullRequestComparesWithTheBaseOfThePullRequestAndWritesEveryOutput() throws Exception {
        runner.pullRequest(initial);

        SimulatedRunner.Step step = runner.run("command", "assess", "environment", "production, staging");

        assertThat(step.exitCode()).as(step.stdout()).isZero();
        assertThat(step.outputs()).containsOnlyKeys("risk_level", "changed_keys", "deployment_id", "report");
        assertThat(step.outputs().get("risk_level")).isEqualTo("CRITICAL");
        assertThat(step.outputs().get("changed_keys")).isEqualTo("security.authentication.enabled");
        assertThat(step.outputs().get("deployment_id")).isEqualTo(SimulatedRunner.RUN_ID);
        assertThat(step.outputs().get("report")).isEqualTo(".config-cicd/reports/config-cicd-assess.json");
        JsonNode report = JsonMapper.shared().readTree(step.report());
        assertThat(report.path("risk_level").asString()).isEqualTo("CRITICAL");
        assertThat(report.path("deployment_id").asString()).isEqualTo(SimulatedRunner.RUN_ID);
        JsonNode production = report.path("assessments").get(0);
        assertThat(production.path("environment").asString()).isEqualTo("production");
        assertThat(production.path("base").asString()).isEqualTo(initial);
        assertThat(production.path("head").asString()).isEqualTo(reformatting);
        assertThat(production.path("changes").get(0).path("path").asString()).isEqualTo("security.authentication.enabled");
        assertThat(step.summary()).contains("risk **CRITICAL**").contains("| Risk | Change | Key |")
                .contains("`security.authentication.enabled`").contains("`configuration/environments/production.yaml:");
        assertThat(step.stdout()).contains("::error file=configuration/environments/production.yaml,line=5,")
                .contains("base of the pull request");
    }

    @Test
    void assessOnAPushComparesWithTheCommitBeforeThePush() throws Exception {
        runner.push(initial);

        SimulatedRunner.Step step = runner.run("command", "assess", "environment", "production");

        assertThat(step.exitCode()).as(step.stdout()).isZero();
        assertThat(step.outputs().get("risk_level")).isEqualTo("CRITICAL");
        assertThat(JsonMapper.shared().readTree(step.report()).path("base").asString()).isEqualTo(initial);
    }

    @Test
    void assessOfAPushThatCreatedTheBranchComparesWithTheFirstParentWhereReformattingIsLowRisk() throws Exception {
        runner.push("0000000000000000000000000000000000000000");

        SimulatedRunner.Step step = runner.run("command", "assess", "deployment_id", "deploy-9");

        assertThat(step.exitCode()).as(step.stdout()).isZero();
        assertThat(step.outputs().get("risk_level")).isEqualTo("LOW");
        assertThat(step.outputs().get("changed_keys")).isEmpty();
        assertThat(step.outputs().get("deployment_id")).isEqualTo("deploy-9");
        JsonNode report = JsonMapper.shared().readTree(step.report());
        assertThat(report.path("assessments").findValuesAsString("base")).containsOnly(securityChange);
        assertThat(step.stdout()).doesNotContain("::error");
        assertThat(step.summary()).contains("risk **LOW**");
    }

    @Test
    void failOnExitsOneAfterWritingTheOutputsAndTheSummary() throws Exception {
        runner.pullRequest(initial);

        SimulatedRunner.Step step = runner.run("command", "assess", "environment", "production", "fail_on", "high");

        assertThat(step.exitCode()).isEqualTo(1);
        assertThat(step.outputs().get("risk_level")).isEqualTo("CRITICAL");
        assertThat(step.summary()).contains("risk **CRITICAL**");
        assertThat(step.stdout()).contains("::error title=config-cicd::risk CRITICAL is at or above fail_on high");
    }
}
