package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action in the checkout {@code actions/checkout} makes by default: a shallow clone of depth 1, which holds
 * neither the pull request's base nor the head's parent. The step fails with exit 2 and says to fetch the history;
 * it never rates the commit against an empty base.
 */
class ShallowCheckoutTest {

    @TempDir
    Path tmp;

    private SimulatedRunner runner;
    private String initial;

    @BeforeEach
    void repositoryCheckedOutWithDepthOne() throws Exception {
        runner = new SimulatedRunner(tmp);
        initial = runner.commit("initial");
        runner.edit("global/base.yaml", "  port: 8080\n", "  port: 8081\n");
        runner.commit("move the port");
        runner.shallowCheckout(1);
    }

    @Test
    void aPushThatCreatedTheBranchFailsWithAHintToFetchTheHistoryInsteadOfAddingEveryKey() throws Exception {
        runner.push("0000000000000000000000000000000000000000");

        SimulatedRunner.Step step = runner.run("command", "assess", "environment", "production");

        assertThat(step.exitCode()).as(step.stdout() + step.stderr()).isEqualTo(2);
        assertThat(step.outputs()).doesNotContainKey("risk_level");
        assertThat(step.stdout()).contains("::error").contains("shallow clone").contains("fetch-depth: 0")
                .contains("git fetch --unshallow").doesNotContain("CRITICAL");
        assertThat(step.summary()).contains("shallow clone");
    }

    @Test
    void aPullRequestWhoseBaseWasNotFetchedFailsNamingItAndTheFix() throws Exception {
        runner.pullRequest(initial);

        SimulatedRunner.Step step = runner.run("command", "assess", "environment", "production");

        assertThat(step.exitCode()).as(step.stdout() + step.stderr()).isEqualTo(2);
        assertThat(step.stdout()).contains("unknown revision '" + initial + "'").contains("fetch-depth: 0");
    }
}
