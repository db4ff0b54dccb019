package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 4 and 5 in the action: by default the policy comes from origin/&lt;default branch&gt;, not from the
 * checked-out change; and GITHUB_ACTOR is the principal whatever CONFIG_CICD_USER says.
 */
class ActionPolicyRefTest {

    private static final String POLICY = """
            environments:
              staging: {}
              production: {protected: true}
            access:
              roles:
                reader: {permissions: [read]}
              bindings:
                alice: [reader]
                carol: [reader]
            """;

    @TempDir
    Path tmp;

    private SimulatedRunner runner;

    @BeforeEach
    void policyOnMain() throws Exception {
        runner = new SimulatedRunner(tmp);
        runner.write("config-cicd.yaml", POLICY);
        runner.commit("the access policy");
    }

    /** The pull request's change binds the actor, octocat, to the reader role. */
    private void changeGrantsTheActorRead() throws Exception {
        runner.edit("config-cicd.yaml", "    carol: [reader]\n", "    carol: [reader]\n    octocat: [reader]\n");
        runner.commit("octocat may read");
        runner.event("pull_request", "{\"number\":7,\"pull_request\":{\"number\":7,\"base\":{\"ref\":\"main\"}},"
                + "\"repository\":{\"default_branch\":\"main\"}}");
    }

    @Test
    void byDefaultThePolicyOfTheDefaultBranchDecidesNotTheChangeUnderReview() throws Exception {
        runner.shallowCheckout(50);
        runner.git("checkout", "-q", "-b", "feature");
        changeGrantsTheActorRead();

        SimulatedRunner.Step step = runner.run("command", "validate");

        assertThat(step.exitCode()).as(step.stdout() + step.stderr()).isEqualTo(4);
        assertThat(step.stdout()).contains("'octocat'").contains("read");
    }

    @Test
    void withoutTheDefaultBranchInTheCloneTheStepWarnsAndUsesTheWorkTree() throws Exception {
        changeGrantsTheActorRead();

        SimulatedRunner.Step step = runner.run("command", "validate");

        assertThat(step.exitCode()).as(step.stdout() + step.stderr()).isZero();
        assertThat(step.stdout()).contains("::warning").contains("origin/main").contains("fetch-depth: 0");
    }

    @Test
    void aGivenPolicyRefThatIsNotInTheCloneFailsTheStep() throws Exception {
        SimulatedRunner.Step step = runner.run("command", "validate", "policy_ref", "origin/release");

        assertThat(step.exitCode()).as(step.stdout() + step.stderr()).isEqualTo(2);
        assertThat(step.stdout()).contains("origin/release").contains("git fetch");
    }

    @Test
    void configCicdUserCannotLendTheActorAnotherName() throws Exception {
        runner.set("GITHUB_ACTOR", "mallory");
        runner.set("CONFIG_CICD_USER", "carol");

        SimulatedRunner.Step step = runner.run("command", "validate");

        assertThat(step.exitCode()).as(step.stdout() + step.stderr()).isEqualTo(4);
        assertThat(step.stdout()).contains("'mallory'");
        assertThat(runner.run("command", "validate", "policy_ref", "main").exitCode()).isEqualTo(4);
        runner.set("GITHUB_ACTOR", "carol");
        assertThat(runner.run("command", "validate").exitCode()).isZero();
    }
}
