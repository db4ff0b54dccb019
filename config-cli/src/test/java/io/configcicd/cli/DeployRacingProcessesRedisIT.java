package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.store.redis.RedisReadBack;
import io.configcicd.store.redis.RedisServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two deploys of the same environment racing from two processes (the CLI jar run twice with {@code java -cp}) to a
 * real redis-server: one wins; the other fails cleanly ("target changed since plan", exit 3, its file target
 * restored), or waits on the environment's lock and finds nothing to do, or deploys after the winner. Redis never
 * holds a mix: a dry run of exactly one side plans no change for it, and the record names that side's deployment.
 */
class DeployRacingProcessesRedisIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Path JAR = Path.of("target", "config-cicd.jar");

    @TempDir
    Path tmp;

    @Test
    void twoProcessesOnOneMachineDeployingTheSameEnvironmentLeaveOneDeployAndTheOtherFindsNothingToDoOrFailsCleanly()
            throws Exception {
        RedisExamples examples = RedisExamples.copy(tmp, REDIS, "config:race:local", List.of("local", "cache"));

        List<Finished> runs = race(List.of(examples, examples), List.of("p1", "p2"));

        assertThat(runs).allSatisfy(DeployRacingProcessesRedisIT::endedCleanly);
        assertThat(runs).filteredOn(r -> r.out().contains("applied to 2 target(s)")).hasSize(1);
        assertThat(holdsExactlyWhatItPlans(examples)).isTrue();
    }

    @Test
    void twoRunnersDeployingDifferentContentToTheSameKeyNeverLeaveAMixInRedis() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<RedisExamples> runners = new ArrayList<>();
            for (String side : List.of("a", "b")) {
                RedisExamples copy = RedisExamples.copy(tmp.resolve(round + side), REDIS, "config:race:runners",
                        List.of("local", "cache"));
                copy.editDevelopment("num_next_steps_decision: 3", "num_next_steps_decision: " + (round
                        + ("a".equals(side) ? 4 : 10)));
                copy.editDevelopment("host: 127.0.0.1", "host: " + side + ".example.internal");
                runners.add(copy);
            }

            List<Finished> runs = race(runners, List.of("r" + round + "a", "r" + round + "b"));

            assertThat(runs).allSatisfy(DeployRacingProcessesRedisIT::endedCleanly);
            assertThat(runs).anySatisfy(r -> assertThat(r.exitCode()).isZero());
            List<Boolean> holds = List.of(holdsExactlyWhatItPlans(runners.get(0)), holdsExactlyWhatItPlans(runners.get(1)));
            assertThat(holds).as("redis holds the complete content of exactly one side").containsExactlyInAnyOrder(true, false);
            int winner = holds.indexOf(true);
            assertThat(runs.get(winner).exitCode()).isZero();
            try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
                assertThat(redis.hash("config:race:runners:meta")).containsEntry("deployment_id", runs.get(winner).id());
            }
            System.out.println("round " + round + ": exit codes " + runs.get(0).exitCode() + " and "
                    + runs.get(1).exitCode() + ", " + runs.get(winner).id() + " holds redis");
        }
    }

    private record Finished(String id, int exitCode, String out) {
    }

    /** A run that did not apply either found nothing to do (exit 0) or failed cleanly as a conflict (exit 3). */
    private static void endedCleanly(Finished run) {
        assertThat(run.exitCode()).as(run.out()).isIn(0, 3);
        if (run.exitCode() == 3) {
            assertThat(run.out()).contains("target changed since plan", "target local (file, document): RESTORED");
        } else {
            assertThat(run.out()).containsAnyOf("applied to 2 target(s)", "nothing to do");
        }
    }

    /** Whether a dry run of this copy plans no change for the redis target (same SHA-256 as the live content). */
    private static boolean holdsExactlyWhatItPlans(RedisExamples examples) throws Exception {
        CliRun dry = examples.run("deploy", "--environment", "development", "--dry-run", "--target", "cache",
                "--format", "json");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        JsonNode cache = DeployRedisIT.target(JsonMapper.shared().readTree(dry.out()), "cache");
        assertThat(cache.path("drift").asBoolean()).as("live content matches its record").isFalse();
        return cache.path("changes").isEmpty();
    }

    /** Starts one deploy process per copy at once and waits for both. */
    private List<Finished> race(List<RedisExamples> copies, List<String> ids) throws Exception {
        assertThat(JAR).as("the CLI jar (mvn package)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            Path out = Files.createTempFile(tmp, "deploy-" + ids.get(i), ".out");
            outputs.add(out);
            processes.add(new ProcessBuilder(java, "-cp", JAR.toString(), "io.configcicd.cli.Main", "--config-dir",
                    copies.get(i).config().toString(), "deploy", "--environment", "development", "--deployment-id",
                    ids.get(i)).redirectErrorStream(true).redirectOutput(out.toFile()).start());
        }
        List<Finished> out = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("deploy " + ids.get(i) + " did not finish");
            }
            out.add(new Finished(ids.get(i), p.exitValue(), read(outputs.get(i))));
        }
        return out;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
