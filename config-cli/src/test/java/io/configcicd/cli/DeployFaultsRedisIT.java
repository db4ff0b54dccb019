package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.store.redis.RedisReadBack;
import io.configcicd.store.redis.RedisServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults during a CLI deploy to the file target and a real redis-server, injected at the engine's progress steps
 * (a hook on the CLI's {@code --progress} lines, no sleeps): the second target failing restores the first; a restore
 * that itself fails is reported loudly; a writer changing the live hash between plan and apply is "target changed
 * since plan". Each ends with exit 3, every target holding its complete old or complete new content (the server
 * keeps an fsynced append-only file, so a restarted server shows what it held), and a journal that says which.
 */
class DeployFaultsRedisIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension("--appendonly", "yes", "--appendfsync", "always");

    private static final String JOURNAL_STARTED = "config-cicd: deploy: journal .config-cicd/deployments/d2.json started";

    @TempDir
    Path tmp;

    private RedisExamples examples;
    private String key;

    @AfterEach
    void serverRunning() throws Exception {
        if (!answers()) {
            REDIS.start();
        }
    }

    @Test
    void aRedisTargetStoppedAfterThePlanFailsTheDeployAndTheFileTargetWrittenBeforeItIsRestored(TestInfo test)
            throws Exception {
        deployOnce(test, "local", "cache");
        String fileBefore = examples.fileTarget();
        SortedMap<String, String> redisBefore = everything();

        CliRun run = examples.runWithHook(Map.of(), JOURNAL_STARTED::equals, REDIS::stop, "deploy", "--environment",
                "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("FAILED", "target local (file, document): RESTORED",
                "target cache (redis, keys): FAILED - cannot reach redis");
        assertThat(examples.fileTarget()).isEqualTo(fileBefore);
        assertThat(statuses("d2")).containsExactly(Map.entry("status", "failed"), Map.entry("local", "restored"),
                Map.entry("cache", "failed"));
        REDIS.start();
        assertThat(everything()).as("redis holds the old content and record").isEqualTo(redisBefore);
    }

    @Test
    void aFileTargetThatCannotBeWrittenAfterRedisWasAppliedFailsTheDeployAndRedisIsRestored(TestInfo test)
            throws Exception {
        deployOnce(test, "cache", "local");
        SortedMap<String, String> redisBefore = everything();
        Path directory = examples.deployedFile().getParent();
        Path aside = directory.resolveSibling("deployed.aside");

        CliRun run = examples.runWithHook(Map.of(), JOURNAL_STARTED::equals, () -> breakDirectory(directory, aside),
                "deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("target cache (redis, keys): RESTORED", "target local (file, document): FAILED");
        assertThat(everything()).as("redis holds the old content and record").isEqualTo(redisBefore);
        assertThat(statuses("d2")).containsExactly(Map.entry("status", "failed"), Map.entry("cache", "restored"),
                Map.entry("local", "failed"));
    }

    @Test
    void aRestoreThatFailsIsReportedLoudlyWithExitThreeAndTheJournalSaysRestoreFailed(TestInfo test) throws Exception {
        deployOnce(test, "cache", "local");
        Path directory = examples.deployedFile().getParent();
        Path aside = directory.resolveSibling("deployed.aside");

        CliRun run = examples.runWithHook(Map.of(), "config-cicd: deploy cache: applied and verified"::equals, () -> {
            REDIS.kill();
            breakDirectory(directory, aside);
        }, "deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("target cache (redis, keys): RESTORE-FAILED - RESTORE FAILED: cannot reach redis",
                "run rollback with this deployment's id", "target local (file, document): FAILED")
                .doesNotContain("were restored");
        assertThat(run.err()).contains("deploy cache: RESTORE FAILED");
        assertThat(statuses("d2")).containsExactly(Map.entry("status", "failed"), Map.entry("cache", "restore-failed"),
                Map.entry("local", "failed"));
        REDIS.start();
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            assertThat(redis.hash(key)).as("the complete new content, as the journal says").hasSize(54)
                    .containsEntry("kgot.num_next_steps_decision", "7");
            assertThat(redis.hash(key + ":meta")).containsEntry("deployment_id", "d2");
        }
    }

    @Test
    void aWriterChangingTheLiveHashBetweenPlanAndApplyFailsTheDeployAsChangedSincePlanAndRestoresTheFile(
            TestInfo test) throws Exception {
        deployOnce(test, "local", "cache");
        String fileBefore = examples.fileTarget();

        CliRun run;
        SortedMap<String, String> afterTheWriter;
        try (RedisReadBack writer = RedisReadBack.connect(REDIS)) {
            Map<String, SortedMap<String, String>> seen = new HashMap<>();
            run = examples.runWithHook(Map.of(), JOURNAL_STARTED::equals, () -> {
                writer.hset(key, "kgot.reasoning_depth", "42");
                seen.put("after", underKey(writer.everything()));
            }, "deploy", "--environment", "development", "--deployment-id", "d2");
            afterTheWriter = seen.get("after");
        }

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("target cache (redis, keys): FAILED - target changed since plan",
                "target local (file, document): RESTORED");
        assertThat(everything()).as("the writer's change stays, nothing of the deploy").isEqualTo(afterTheWriter);
        assertThat(examples.fileTarget()).isEqualTo(fileBefore);
        assertThat(statuses("d2")).containsExactly(Map.entry("status", "failed"), Map.entry("local", "restored"),
                Map.entry("cache", "failed"));
    }

    /** The examples deploying to the given targets, deployed once as d1, then changed (3 -> 7) for d2. */
    private void deployOnce(TestInfo test, String... targets) {
        key = "config:development:" + test.getTestMethod().orElseThrow().getName();
        examples = RedisExamples.copy(tmp, REDIS, key, List.of(targets));
        CliRun first = examples.run("deploy", "--environment", "development", "--deployment-id", "d1");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        examples.editDevelopment("num_next_steps_decision: 3", "num_next_steps_decision: 7");
    }

    /** Moves the file target's directory aside and puts a file where it was: the target can be neither read nor written. */
    private static void breakDirectory(Path directory, Path aside) throws Exception {
        Files.move(directory, aside);
        Files.writeString(directory, "a file where the target's directory should be");
    }

    /** The journal's overall status and each target's, in the order they are listed. */
    private List<Map.Entry<String, String>> statuses(String id) throws Exception {
        JsonNode journal = JsonMapper.shared().readTree(RedisExamples.read(examples.journal(id)));
        List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
        out.add(Map.entry("status", journal.path("status").asString()));
        for (JsonNode t : journal.path("targets")) {
            out.add(Map.entry(t.path("name").asString(), t.path("status").asString()));
        }
        return out;
    }

    /** The keys of this test (its hash, record and any staging key): the other tests' keys share the server. */
    private SortedMap<String, String> everything() {
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            return underKey(redis.everything());
        }
    }

    private SortedMap<String, String> underKey(SortedMap<String, String> all) {
        all.keySet().removeIf(k -> !k.startsWith(key));
        return all;
    }

    private static boolean answers() {
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            redis.type("ping");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
