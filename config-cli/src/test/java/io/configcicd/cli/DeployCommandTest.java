package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy, drift and test-stores on the examples' development environment and its file target. */
class DeployCommandTest {

    @TempDir
    Path tmp;

    private Path config;
    private Path deployed;

    @BeforeEach
    void copy() {
        config = CliRun.copyOfExamples(tmp);
        deployed = tmp.resolve("build/deployed/development.json");
    }

    @Test
    void firstDeployWritesTheTargetAndASecondWritesNothing() throws Exception {
        CliRun first = CliRun.in(config, "deploy", "--environment", "development", "--deployment-id", "d1");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("applied to 1 target(s)").contains("target local (file, document): APPLIED");
        assertThat(deployed).exists();
        assertThat(config.resolve(".config-cicd/deployments/d1.json")).exists();
        long modified = Files.getLastModifiedTime(deployed).toMillis();

        CliRun second = CliRun.in(config, "deploy", "--environment", "development", "--deployment-id", "d2");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("nothing to do");
        assertThat(Files.getLastModifiedTime(deployed).toMillis()).isEqualTo(modified);
        assertThat(config.resolve(".config-cicd/deployments/d2.json")).doesNotExist();
    }

    @Test
    void dryRunPrintsThePlanAsJsonAndWritesNothing() {
        CliRun run = CliRun.in(config, "deploy", "--environment", "development", "--dry-run", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"status\": \"dry-run\"").contains("\"type\": \"added\"");
        assertThat(tmp.resolve("build")).doesNotExist();
    }

    @Test
    void driftAfterAHandEditExitsOne() throws Exception {
        assertThat(CliRun.in(config, "deploy", "--environment", "development").exitCode()).isZero();
        assertThat(CliRun.in(config, "drift", "--environment", "development").exitCode()).isZero();
        Files.writeString(deployed, Files.readString(deployed).replace("\"kgot\"", "\"kgot_edited\""));

        CliRun drift = CliRun.in(config, "drift", "--environment", "development");
        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.out()).contains("target local: drifted");
    }

    @Test
    void anEnvironmentWithoutTargetsIsBadInput() {
        CliRun run = CliRun.in(config, "deploy", "--environment", "staging");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("environment staging has no deploy targets");
    }

    @Test
    void testStoresReportsEachTargetAndExitsZeroWhenAllPass() {
        CliRun run = CliRun.in(config, "test-stores", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"target\": \"local\"").contains("\"passed\": true");
    }

    @Test
    void aTargetThatCannotBeWrittenFailsTestStoresWithExitThree() throws Exception {
        Files.writeString(tmp.resolve("build"), "a file where the target's directory should be");
        CliRun run = CliRun.in(config, "test-stores", "--environment", "development");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("local: FAILED");
    }
}
