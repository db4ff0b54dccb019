package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.store.redis.RedisReadBack;
import io.configcicd.store.redis.RedisServerExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code deploy}, {@code drift} and dry runs of the CLI on the examples' development environment deployed to the file
 * target and to a real redis-server, read back with a second client: both targets hold the new content, a second
 * deploy writes nothing, a hand edit is drift, guardrails refuse and write nothing, {@code --force} passes.
 */
class DeployRedisIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path tmp;

    private RedisExamples examples;

    @BeforeEach
    void copy(TestInfo test) {
        String key = "config:development:" + test.getTestMethod().orElseThrow().getName();
        examples = RedisExamples.copy(tmp, REDIS, key, List.of("cache", "local"));
    }

    @Test
    void aDeployToRedisAndAFileLeavesBothHoldingTheNewContentAndTheirRecords() throws Exception {
        assertThat(examples.run("deploy", "--environment", "development", "--deployment-id", "d1").exitCode()).isZero();
        examples.editDevelopment("num_next_steps_decision: 3", "num_next_steps_decision: 7");

        CliRun run = examples.run("deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("applied to 2 target(s)", "target cache (redis, keys): APPLIED",
                "target local (file, document): APPLIED", "~ kgot.num_next_steps_decision: 3 -> 7");
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            Map<String, String> hash = redis.hash(examples.key());
            assertThat(hash).containsEntry("kgot.num_next_steps_decision", "7")
                    .containsEntry("models.known_models", "[\"gpt-4\",\"gpt-4o\",\"claude-3-opus\",\"claude-3-5-sonnet\"]")
                    .containsEntry("database.graph_store.password", "${NEO4J_PASSWORD:-neo4j-dev}")
                    .hasSize(54);
            assertThat(redis.hash(examples.metaKey())).containsEntry("deployment_id", "d2").containsKey("sha256");
        }
        JsonNode file = JsonMapper.shared().readTree(RedisExamples.read(examples.deployedFile()));
        assertThat(file.path("kgot").path("num_next_steps_decision").asInt()).isEqualTo(7);
        assertThat(RedisExamples.read(examples.deployedRecord())).contains("\"d2\"");
        assertThat(RedisExamples.read(examples.journal("d2"))).contains("\"applied\"");
    }

    @Test
    void aSecondDeployOfTheSameConfigurationWritesNothingAndSaysSo() throws Exception {
        assertThat(examples.run("deploy", "--environment", "development", "--deployment-id", "d1").exitCode()).isZero();
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            SortedMap<String, String> before = redis.everything();
            String fileBefore = examples.fileTarget();

            CliRun again = examples.run("deploy", "--environment", "development", "--deployment-id", "d2");

            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("nothing to do", "nothing written",
                    "target cache (redis, keys): UP-TO-DATE", "target local (file, document): UP-TO-DATE");
            assertThat(redis.everything()).isEqualTo(before);
            assertThat(redis.hash(examples.metaKey())).containsEntry("deployment_id", "d1");
            assertThat(examples.fileTarget()).isEqualTo(fileBefore);
            assertThat(examples.journal("d2")).doesNotExist();
        }
    }

    @Test
    void aHandEditOfTheLiveHashIsDriftThatDriftReportsWithExitOneAndADryRunShows() throws Exception {
        assertThat(examples.run("deploy", "--environment", "development").exitCode()).isZero();
        assertThat(examples.run("drift", "--environment", "development").exitCode()).isZero();
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            redis.hset(examples.key(), "kgot.reasoning_depth", "99");
            SortedMap<String, String> before = redis.everything();

            CliRun drift = examples.run("drift", "--environment", "development");
            CliRun dryRun = examples.run("deploy", "--environment", "development", "--dry-run", "--format", "json");

            assertThat(drift.exitCode()).as(drift.out() + drift.err()).isEqualTo(1);
            assertThat(drift.out()).contains("target cache: drifted").doesNotContain("target local: drifted");
            assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
            JsonNode cache = target(JsonMapper.shared().readTree(dryRun.out()), "cache");
            assertThat(cache.path("drift").asBoolean()).as(dryRun.out()).isTrue();
            assertThat(cache.toString()).contains("kgot.reasoning_depth");
            assertThat(redis.everything()).as("a dry run writes nothing").isEqualTo(before);
        }
    }

    @Test
    void guardrailsRefuseWithExitOneAndWriteNothingAndForcePasses() throws Exception {
        assertThat(examples.run("deploy", "--environment", "development", "--deployment-id", "d1").exitCode()).isZero();
        examples.editDevelopment("enabled: false   # disabled for local development", "enabled: true");
        examples.editSettings("max_change_ratio: 0.5", "max_change_ratio: 0.03");
        examples.editDevelopment("debug_mode: true", "debug_mode: false");
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            SortedMap<String, String> before = redis.everything();
            String fileBefore = examples.fileTarget();

            CliRun refused = examples.run("deploy", "--environment", "development", "--deployment-id", "d2");

            assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
            assertThat(refused.out()).contains("refused, nothing written", "refused by deploy.max_change_ratio",
                    "refused by deploy.protected_keys", "security.authentication.enabled", "(--force overrides)");
            assertThat(redis.everything()).isEqualTo(before);
            assertThat(examples.fileTarget()).isEqualTo(fileBefore);

            CliRun forced = examples.run("deploy", "--environment", "development", "--deployment-id", "d3", "--force");

            assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
            assertThat(forced.out()).contains("forced past deploy.max_change_ratio", "forced past deploy.protected_keys");
            assertThat(redis.hash(examples.key())).containsEntry("security.authentication.enabled", "true")
                    .containsEntry("kgot.debug_mode", "false");
            assertThat(redis.hash(examples.metaKey())).containsEntry("deployment_id", "d3");
            assertThat(RedisExamples.read(examples.deployedRecord())).contains("\"d3\"");
        }
    }

    static JsonNode target(JsonNode deployment, String name) {
        for (JsonNode t : deployment.path("targets")) {
            if (name.equals(t.path("target").asString())) {
                return t;
            }
        }
        throw new AssertionError("no target " + name + " in " + deployment);
    }
}
