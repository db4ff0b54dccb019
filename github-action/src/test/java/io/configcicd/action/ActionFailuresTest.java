package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and findings end the step with the CLI's exit codes and an annotation, never a stack trace. */
class ActionFailuresTest {

    @TempDir
    Path tmp;

    private SimulatedRunner runner;

    @BeforeEach
    void repository() throws Exception {
        runner = new SimulatedRunner(tmp);
        runner.commit("initial");
    }

    @Test
    void anUnknownCommandExitsTwoWithAnErrorAnnotation() throws Exception {
        SimulatedRunner.Step step = runner.run("command", "frobnicate");

        assertThat(step.exitCode()).isEqualTo(2);
        assertThat(step.stdout()).contains("::error title=config-cicd::input command: unknown command 'frobnicate'")
                .contains("hint: use one of validate, assess, deploy, drift, monitor, test-stores").doesNotContain("Exception");
        assertThat(step.outputs()).isEmpty();
        assertThat(step.summary()).contains("config-cicd: error (exit 2)");
    }

    @Test
    void aCliCommandTheActionDoesNotRunIsRefusedAsUnknown() throws Exception {
        SimulatedRunner.Step step = runner.run("command", "rollback", "environment", "production");

        assertThat(step.exitCode()).isEqualTo(2);
        assertThat(step.stdout()).contains("::error title=config-cicd::input command: unknown command 'rollback'")
                .doesNotContain("not available in this version");
        assertThat(step.outputs()).isEmpty();
    }

    @Test
    void aBrokenFileIsAnnotatedAtItsLineAndExitsTwo() throws Exception {
        runner.write("environments/staging.yaml", "service:\n  timeout: 45\n  ports: [8080,\n");

        SimulatedRunner.Step step = runner.run("command", "validate");

        assertThat(step.exitCode()).as(step.stdout()).isEqualTo(2);
        assertThat(step.stdout()).contains("::error file=configuration/environments/staging.yaml,line=3,")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(step.stderr()).isEmpty();
    }

    @Test
    void aBadFailOnOrAMissingConfigDirNamesTheInputAndExitsTwo() throws Exception {
        SimulatedRunner.Step failOn = runner.run("command", "assess", "fail_on", "error");
        SimulatedRunner.Step configDir = runner.run("command", "validate", "config_dir", "config");

        assertThat(failOn.exitCode()).isEqualTo(2);
        assertThat(failOn.stdout()).contains("input fail_on: unknown risk level 'error'");
        assertThat(configDir.exitCode()).isEqualTo(2);
        assertThat(configDir.stdout()).contains("::error title=config-cicd::input config_dir: config is not a directory");
    }

    @Test
    void validateOfACleanCheckoutPassesAndNamesItsReport() throws Exception {
        SimulatedRunner.Step step = runner.run("command", "validate", "environment", "production\nstaging");

        assertThat(step.exitCode()).as(step.stdout()).isZero();
        assertThat(step.outputs()).containsOnlyKeys("deployment_id", "report");
        assertThat(step.outputs().get("report")).isEqualTo(".config-cicd/reports/config-cicd.json");
        assertThat(step.report()).contains("\"production\"").contains("\"staging\"");
        assertThat(step.summary()).contains("validate: no findings");
    }
}
