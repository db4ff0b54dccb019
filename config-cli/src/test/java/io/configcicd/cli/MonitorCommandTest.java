package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code monitor} on the examples' development environment and its file target, in this process: a healthy run, drift
 * during monitoring that fails rounds and whose rollback is refused (not forced), a later deploy that supersedes the
 * watched one, a deployment the journal does not know, and bad durations. Rounds go to standard error as they happen;
 * changes during a run are made between rounds, from the line of the round before (no sleeps).
 */
class MonitorCommandTest {

    private static final String ENV = "development";

    @TempDir
    Path tmp;

    private Path config;
    private Path deployed;

    @BeforeEach
    void deployD1() throws Exception {
        config = CliRun.copyOfExamples(tmp);
        deployed = tmp.resolve("build/deployed/development.json");
        Path settings = config.resolve("config-cicd.yaml");
        Files.writeString(settings, Files.readString(settings).replace("\n  failures: 3\n", "\n  failures: 2\n"));
        // a reference without a default: the journal keeps the previous content, so a rollback is refused only when a
        // target moved on (see StoreRollbackCommandTest)
        Path dev = config.resolve("environments/development.yaml");
        Files.writeString(dev, Files.readString(dev).replace("\"${NEO4J_PASSWORD:-neo4j-dev}\"", "\"${NEO4J_PASSWORD}\""));
        CliRun deploy = CliRun.in(config, "deploy", "--environment", ENV, "--deployment-id", "d1");
        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    }

    @Test
    void aHealthyRunPrintsEachRoundOnStandardErrorAndASummaryAndExitsZero() {
        CliRun run = CliRun.in(config, "monitor", "--environment", ENV, "--deployment-id", "d1", "--duration", "1",
                "--interval", "300ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).startsWith("round 1: healthy: deployed ok (exit 0, ").contains("; targets hold d1\n")
                .contains("round 2: healthy")
                .doesNotContain("note:");
        assertThat(run.out()).startsWith("monitor development: healthy (")
                .contains("deployment d1, commit ", "0 failed, every 300ms, roll back after 2 failed in a row",
                        "target local (file): holds deployment d1");
        assertThat(journal("d1").path("monitor").path("status").asString()).isEqualTo("healthy");
    }

    @Test
    void aHealthyRunInJsonHasTheStatusAndTheRoundsAndNothingToDoNext() throws Exception {
        CliRun run = CliRun.in(config, "monitor", "--environment", ENV, "--deployment-id", "d1", "--duration", "500ms",
                "--interval", "200ms", "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = JsonMapper.shared().readTree(run.out());
        assertThat(report.path("status").asString()).isEqualTo("healthy");
        assertThat(report.path("healthy").asBoolean()).isTrue();
        assertThat(report.path("rounds").asInt()).isBetween(2, 3);
        assertThat(report.path("next").isNull()).as(run.out()).isTrue();
    }

    @Test
    void driftDuringMonitoringFailsRoundsAndTheRollbackIsRefusedNotForcedWithExitOne() throws Exception {
        CliRun run = hooked(line -> line.startsWith("round 1: healthy"),
                () -> Files.writeString(deployed, Files.readString(deployed).replace("\"kgot\"", "\"kgot_edited\"")),
                "monitor", "--environment", ENV, "--deployment-id", "d1", "--duration", "30", "--interval", "100ms");
        String edited = Files.readString(deployed);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("round 2: FAILED (1 of 2 in a row: target local drifted)",
                "round 3: FAILED (2 of 2 in a row: target local drifted)", "\n    target local: ");
        assertThat(run.out()).startsWith("monitor development: failed, rollback refused (")
                .contains("target local no longer holds what deployment d1 wrote", "edited by hand",
                        "not forced: nothing was written");
        assertThat(edited).contains("kgot_edited");
        assertThat(journal("d1").path("monitor").path("status").asString()).isEqualTo("failed, rollback refused");
    }

    @Test
    void aLaterDeployDuringMonitoringSupersedesTheWatchedOneAndExitsZero() throws Exception {
        Path development = config.resolve("environments/development.yaml");
        CliRun run = hooked(line -> line.startsWith("round 1: healthy"), () -> {
            Files.writeString(development, Files.readString(development).replace("num_next_steps_decision: 3",
                    "num_next_steps_decision: 4"));
            CliRun d2 = CliRun.in(config, "deploy", "--environment", ENV, "--deployment-id", "d2");
            assertThat(d2.exitCode()).as(d2.out() + d2.err()).isZero();
        }, "monitor", "--environment", ENV, "--deployment-id", "d1", "--duration", "30", "--interval", "100ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).contains("round 2: superseded: local");
        assertThat(run.out()).startsWith("monitor development: superseded (target local was ").contains("d2");
        assertThat(Files.readString(deployed)).containsPattern("\"num_next_steps_decision\"\\s*:\\s*4");
    }

    @Test
    void aDeploymentTheJournalDoesNotKnowIsWatchedWithoutRollbackAndTheNoteSaysSo() {
        CliRun run = CliRun.in(config, "monitor", "--environment", ENV, "--deployment-id", "from-another-runner",
                "--duration", "300ms", "--interval", "100ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("note: the journal has no entry for deployment from-another-runner",
                "a failure cannot roll back from here");
        assertThat(config.resolve(".config-cicd/deployments/from-another-runner.json")).doesNotExist();
    }

    @Test
    void badDurationsAreUsageErrorsNamingTheOption() {
        for (List<String> bad : List.of(List.of("--duration", "soon"), List.of("--duration", "0"),
                List.of("--duration", "5", "--interval", "10x"), List.of("--duration", "-3"))) {
            List<String> args = new ArrayList<>(List.of("monitor", "--environment", ENV, "--deployment-id",
                    "d1"));
            args.addAll(bad);
            CliRun run = CliRun.in(config, args.toArray(String[]::new));

            String option = bad.get(bad.size() - 2);
            assertThat(run.exitCode()).as(bad + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(bad.toString()).contains("'" + option + "'").doesNotContain("\tat ");
        }
    }

    @Test
    void monitorNeedsTheRollbackPermission() throws Exception {
        Files.writeString(config.resolve("config-cicd.yaml"), Files.readString(config.resolve("config-cicd.yaml")) + """
                access:
                  roles:
                    developer: {permissions: [read, write, deploy], environments: ["*"]}
                  bindings:
                    alice: [developer]
                """);
        CliRun denied = CliRun.as("alice", config, "monitor", "--environment", ENV, "--deployment-id", "d1",
                "--duration", "1");

        assertThat(denied.exitCode()).as(denied.out() + denied.err()).isEqualTo(4);
        assertThat(journal("d1").has("monitor")).isFalse();
    }

    private JsonNode journal(String id) {
        return JsonMapper.shared().readTree(RedisExamples.read(config.resolve(".config-cicd/deployments/" + id
                + ".json")));
    }

    /** {@code config-cicd --config-dir DIR ARGS...} with {@code action} run once, when a line {@code when} takes. */
    private CliRun hooked(Predicate<String> when, HookedRun.Hook action, String... args) {
        List<String> all = new ArrayList<>(List.of("--config-dir", config.toString()));
        all.addAll(List.of(args));
        return HookedRun.run(System.getenv(), when, action, all.toArray(String[]::new));
    }
}
