package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void deployNeedsTheDeployPermissionAndEveryDeployAndRefusalIsAudited() throws Exception {
        Files.writeString(config.resolve("config-cicd.yaml"), Files.readString(config.resolve("config-cicd.yaml")) + """

                access:
                  roles:
                    developer: {permissions: [read, write], environments: ["*"]}
                    operator: {permissions: [read, write, deploy, rollback], environments: ["*"]}
                  bindings:
                    alice: [developer]
                    bob: [operator]
                """);
        CliRun denied = CliRun.as("alice", config, "deploy", "--environment", "development");
        assertThat(denied.exitCode()).isEqualTo(4);
        assertThat(tmp.resolve("build")).doesNotExist();
        assertThat(CliRun.as("alice", config, "deploy", "--environment", "development", "--dry-run").exitCode()).isZero();

        CliRun allowed = CliRun.as("bob", config, "deploy", "--environment", "development", "--deployment-id", "b1");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        String log = Files.readString(config.resolve(".config-cicd/audit/audit.jsonl"));
        assertThat(log).contains("\"command\":\"deploy\"").contains("denied").contains("applied")
                .contains("b1");
    }

    @Test
    void aResolvedSecretIsNeverPrintedByDeployDriftOrADryRunButReachesTheTarget() throws Exception {
        String secret = "s3cr3t-Deploy-4242";
        Files.writeString(config.resolve("config-cicd.yaml"), Files.readString(config.resolve("config-cicd.yaml"))
                .replace("    path: build/deployed\n", "    path: build/deployed\n    secrets: resolve\n"));
        java.util.Map<String, String> env = java.util.Map.of("NEO4J_PASSWORD", secret, "OPENAI_API_KEY",
                "sk-openai-" + secret, "ANTHROPIC_API_KEY", "sk-ant-" + secret, "CONFIG_CICD_USER", "ci");
        for (String format : new String[] {"text", "json", "yaml"}) {
            for (String[] args : List.of(new String[] {"deploy", "--environment", "development", "--dry-run"},
                    new String[] {"deploy", "--environment", "development"},
                    new String[] {"drift", "--environment", "development"})) {
                List<String> all = new java.util.ArrayList<>(List.of("--config-dir", config.toString()));
                all.addAll(List.of(args));
                all.addAll(List.of("--format", format));
                CliRun run = CliRun.run(env, all.toArray(String[]::new));
                assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
                assertThat(run.out() + run.err()).as(String.join(" ", all)).doesNotContain(secret);
            }
        }
        assertThat(Files.readString(deployed)).contains(secret);
        try (var journal = Files.list(config.resolve(".config-cicd/deployments"))) {
            for (Path entry : (Iterable<Path>) journal::iterator) {
                assertThat(Files.readString(entry)).doesNotContain(secret);
            }
        }
    }
}
