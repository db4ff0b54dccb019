package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.configcicd.store.redis.RedisReadBack;
import io.configcicd.store.redis.RedisServerExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deploy issue's fault list through the CLI with targets of several stores in one environment: the file target,
 * consul (an HTTP double with Consul's KV/txn semantics), a Kubernetes ConfigMap (fabric8's CRUD mock), AWS AppConfig
 * (an HTTP double with its versions, deployments and states) and a real redis-server. Faults are injected at the
 * engine's progress steps (a hook on the {@code --progress} lines, no sleeps). After each, every target holds its
 * complete old or complete new content (content and record compared whole), the exit code is 3 and the journal says
 * which per target: applied, restored, restore-failed, failed or untouched.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class MixedDeployFaultsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final String JOURNAL_STARTED = "config-cicd: deploy: journal .config-cicd/deployments/d2.json started";
    private static final AtomicInteger TESTS = new AtomicInteger();

    @TempDir
    Path tmp;

    private MixedTargets targets;

    @AfterEach
    void close() {
        if (targets != null) {
            targets.close();
        }
    }

    @Test
    void aDeployToFileConsulConfigMapAndRedisHoldsTheNewContentInEachReadBack() throws Exception {
        deployOnce("local", "kv", "cm", "cache");

        CliRun run = targets.examples.run("deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(MixedTargets.statuses(targets.examples, "d2")).containsExactly(entry("status", "applied"),
                entry("local", "applied"), entry("kv", "applied"), entry("cm", "applied"), entry("cache", "applied"));
        assertThat(JsonMapper.shared().readTree(RedisExamples.read(targets.examples.deployedFile()))
                .at("/kgot/num_next_steps_decision").asInt()).isEqualTo(7);
        assertThat(targets.consul.get(MixedTargets.CONSUL_PREFIX + "kgot/num_next_steps_decision")).contains("7");
        assertThat(targets.consul.get(MixedTargets.CONSUL_RECORD)).hasValueSatisfying(r -> assertThat(r).contains("d2"));
        JsonNode configMapDocument = JsonMapper.shared().readTree(
                targets.configMap().orElseThrow().getData().values().iterator().next());
        assertThat(configMapDocument.at("/kgot/num_next_steps_decision").asInt()).isEqualTo(7);
        assertThat(targets.configMap().orElseThrow().getMetadata().getAnnotations())
                .containsEntry("config-cicd.io/deployment-id", "d2");
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            assertThat(redis.hash(targets.examples.key())).containsEntry("kgot.num_next_steps_decision", "7");
            assertThat(redis.hash(targets.examples.metaKey())).containsEntry("deployment_id", "d2");
        }
    }

    @Test
    void consulAnswering500AsTheSecondTargetRestoresTheFileAndLeavesTheLaterTargetsUntouched() throws Exception {
        deployOnce("local", "kv", "cm", "cache");
        SortedMap<String, String> before = targets.everything();

        CliRun run = targets.examples.runWithHook(Map.of(), JOURNAL_STARTED::equals,
                () -> targets.consul.fail("/v1/txn", 500, "rpc error: internal", 1),
                "deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("target local (file, document): RESTORED", "target kv (consul, keys): FAILED");
        assertThat(MixedTargets.statuses(targets.examples, "d2")).containsExactly(entry("status", "failed"),
                entry("local", "restored"), entry("kv", "failed"), entry("cm", "untouched"),
                entry("cache", "untouched"));
        assertThat(targets.everything()).as("every target holds its complete old content").isEqualTo(before);
    }

    @Test
    void consulWithoutAClusterLeaderAsTheSecondTargetRestoresTheFile() throws Exception {
        deployOnce("local", "kv", "cm", "cache");
        SortedMap<String, String> before = targets.everything();

        CliRun run = targets.examples.runWithHook(Map.of(), JOURNAL_STARTED::equals,
                () -> targets.consul.leader(false), "deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("target local (file, document): RESTORED", "target kv (consul, keys): FAILED",
                "no cluster leader");
        assertThat(MixedTargets.statuses(targets.examples, "d2")).containsExactly(entry("status", "failed"),
                entry("local", "restored"), entry("kv", "failed"), entry("cm", "untouched"),
                entry("cache", "untouched"));
        targets.consul.leader(true);
        assertThat(targets.everything()).as("every target holds its complete old content").isEqualTo(before);
    }

    @Test
    void aConfigMapChangedByAnotherWriterBetweenPlanAndApplyIsAConflictAndFileAndConsulAreRestored() throws Exception {
        deployOnce("local", "kv", "cm", "cache");
        SortedMap<String, String> before = targets.everything();
        String dataKey = targets.configMap().orElseThrow().getData().keySet().iterator().next();

        CliRun run = targets.examples.runWithHook(Map.of(), JOURNAL_STARTED::equals,
                () -> targets.otherWriterEditsConfigMap(dataKey, "{\"theirs\": true}"),
                "deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("target local (file, document): RESTORED", "target kv (consul, keys): RESTORED",
                "target cm (kubernetes-configmap, document): FAILED - target changed since plan");
        assertThat(MixedTargets.statuses(targets.examples, "d2")).containsExactly(entry("status", "failed"),
                entry("local", "restored"), entry("kv", "restored"), entry("cm", "failed"),
                entry("cache", "untouched"));
        SortedMap<String, String> after = targets.everything();
        assertThat(targets.configMap().orElseThrow().getData()).as("the other writer's change stays, nothing of ours")
                .containsExactly(entry(dataKey, "{\"theirs\": true}"));
        after.remove("cm");
        before.remove("cm");
        assertThat(after).as("the other targets hold their complete old content").isEqualTo(before);
    }

    @Test
    void anAppConfigEnvironmentWithADeploymentRunningIsAConflictAndTheTargetsBeforeItAreRestored() throws Exception {
        deployOnce("local", "kv", "cm", "appcfg", "cache");
        SortedMap<String, String> before = targets.everything();
        assertThat(before.get("appcfg")).as("the first deploy completed in AppConfig").contains("num_next_steps_decision");

        CliRun run = targets.examples.runWithHook(Map.of(), JOURNAL_STARTED::equals,
                () -> targets.appconfig.startDeploymentOfLatest(MixedTargets.APPLICATION, "development", "config",
                        "AppConfig.Linear20PercentEvery6Minutes"),
                "deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("target local (file, document): RESTORED", "target kv (consul, keys): RESTORED",
                "target cm (kubernetes-configmap, document): RESTORED", "target appcfg (aws-appconfig, document): FAILED");
        assertThat(MixedTargets.statuses(targets.examples, "d2")).containsExactly(entry("status", "failed"),
                entry("local", "restored"), entry("kv", "restored"), entry("cm", "restored"), entry("appcfg", "failed"),
                entry("cache", "untouched"));
        assertThat(targets.everything()).as("every target holds its complete old content").isEqualTo(before);
    }

    @Test
    void aConsulRestoreThatFailsIsRestoreFailedAndConsulHoldsTheCompleteNewContent() throws Exception {
        deployOnce("local", "kv", "cm", "cache");
        SortedMap<String, String> before = targets.everything();
        String dataKey = targets.configMap().orElseThrow().getData().keySet().iterator().next();

        CliRun run = targets.examples.runWithHook(Map.of(), "config-cicd: deploy kv: applied and verified"::equals,
                () -> {
                    targets.consul.fail("/v1/", 500, "rpc error: internal", 1000);
                    targets.otherWriterEditsConfigMap(dataKey, "{\"theirs\": true}");
                }, "deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("target local (file, document): RESTORED",
                "target kv (consul, keys): RESTORE-FAILED", "run rollback with this deployment's id")
                .doesNotContain("were restored");
        assertThat(MixedTargets.statuses(targets.examples, "d2")).containsExactly(entry("status", "failed"),
                entry("local", "restored"), entry("kv", "restore-failed"), entry("cm", "failed"),
                entry("cache", "untouched"));
        assertThat(targets.consul.get(MixedTargets.CONSUL_PREFIX + "kgot/num_next_steps_decision"))
                .as("the complete new content, as the journal says").contains("7");
        assertThat(targets.consul.get(MixedTargets.CONSUL_RECORD)).hasValueSatisfying(r -> assertThat(r).contains("d2"));
        SortedMap<String, String> after = targets.everything();
        assertThat(after.get("local")).isEqualTo(before.get("local"));
        assertThat(after.get("cache")).isEqualTo(before.get("cache"));
    }

    @Test
    void aConcurrentWriterOfAKeyTheDeployWritesRollsTheConsulTransactionBackAsChangedSincePlanAndTheFileIsRestored() throws Exception {
        deployOnce("local", "kv", "cm", "cache");
        SortedMap<String, String> before = targets.everything();
        String theirs = MixedTargets.CONSUL_PREFIX + "kgot/num_next_steps_decision";

        CliRun run = targets.examples.runWithHook(Map.of(), JOURNAL_STARTED::equals,
                () -> targets.consul.beforeNextTxn(() -> targets.consul.put(theirs, "42")),
                "deploy", "--environment", "development", "--deployment-id", "d2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("target local (file, document): RESTORED",
                "target kv (consul, keys): FAILED - target changed since plan");
        assertThat(MixedTargets.statuses(targets.examples, "d2")).containsExactly(entry("status", "failed"),
                entry("local", "restored"), entry("kv", "failed"), entry("cm", "untouched"),
                entry("cache", "untouched"));
        assertThat(targets.consul.get(theirs)).as("the writer's change stays, nothing of the deploy's transaction")
                .contains("42");
        assertThat(targets.consul.get(MixedTargets.CONSUL_RECORD)).hasValueSatisfying(r -> assertThat(r)
                .contains("d1").doesNotContain("d2"));
        SortedMap<String, String> after = targets.everything();
        after.remove("kv");
        before.remove("kv");
        assertThat(after).as("the other targets hold their complete old content").isEqualTo(before);
    }

    /** The examples deploying to the given targets, deployed once as d1, then changed (3 -> 7) for d2. */
    private void deployOnce(String... names) {
        String key = "config:development:mixed-" + TESTS.incrementAndGet();
        targets = MixedTargets.copy(tmp, REDIS, key, server, client, List.of(names));
        CliRun first = targets.examples.run("deploy", "--environment", "development", "--deployment-id", "d1");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        targets.examples.editDevelopment("num_next_steps_decision: 3", "num_next_steps_decision: 7");
    }
}
