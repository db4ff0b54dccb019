package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.configcicd.store.redis.RedisServerExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code monitor} with a target of every store in one environment (file, consul's double, a ConfigMap on fabric8's CRUD
 * mock, AppConfig's double, a real redis-server): every round reads each of them and finds the deployment's record and
 * content; when the probe starts failing, the rollback puts every one of them back, each whole (content and record
 * compared), and the journal says so per target.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class MonitorMixedIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    static KubernetesMockServer server;
    static KubernetesClient client;

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
    void everyStoreHoldsTheDeploymentEachRoundAndAFailingProbeRollsEveryOneBackWhole() throws Exception {
        targets = MixedTargets.copy(tmp, REDIS, "config:development:monitor-mixed", server, client,
                List.of("local", "kv", "cm", "appcfg", "cache"));
        RedisExamples examples = targets.examples;
        // a reference without a default, which the journal keeps: the previous content can be written back
        examples.editDevelopment("\"${NEO4J_PASSWORD:-neo4j-dev}\"", "\"${NEO4J_PASSWORD}\"");
        Path settings = examples.config().resolve("config-cicd.yaml");
        String text = Files.readString(settings);
        String replaced = text.replaceFirst("(?m)^monitor:\n(  .*\n)+",
                "monitor:\n  interval: 200ms\n  failures: 2\n  probes:\n    - {name: smoke, command: \"test -f healthy\"}\n");
        assertThat(replaced).isNotEqualTo(text);
        Files.writeString(settings, replaced);
        Files.writeString(tmp.resolve("healthy"), "");
        CliRun d1 = examples.run("deploy", "--environment", "development", "--deployment-id", "d1");
        assertThat(d1.exitCode()).as(d1.out() + d1.err()).isZero();
        SortedMap<String, String> before = targets.everything();
        examples.editDevelopment("num_next_steps_decision: 3", "num_next_steps_decision: 7");
        CliRun d2 = examples.run("deploy", "--environment", "development", "--deployment-id", "d2");
        assertThat(d2.exitCode()).as(d2.out() + d2.err()).isZero();
        assertThat(targets.everything()).isNotEqualTo(before);

        CliRun run = examples.runWithHook(Map.of(), line -> line.startsWith("round 1: healthy"),
                () -> Files.delete(tmp.resolve("healthy")), "monitor", "--environment", "development",
                "--deployment-id", "d2", "--duration", "60", "--interval", "200ms", "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("round 1: healthy: smoke ok (exit 0", "targets hold d2",
                "round 3: FAILED (2 of 2 in a row: probe smoke)");
        JsonNode report = JsonMapper.shared().readTree(run.out());
        assertThat(report.path("status").asString()).isEqualTo("failed, rolled back");
        assertThat(report.path("rollback").path("status").asString()).isEqualTo("applied");
        assertThat(targets.everything()).as("every store holds its complete d1 content and record again")
                .isEqualTo(before);
        assertThat(MixedTargets.statuses(examples, "d2-rollback")).containsExactly(entry("status", "applied"),
                entry("local", "applied"), entry("kv", "applied"), entry("cm", "applied"), entry("appcfg", "applied"),
                entry("cache", "applied"));
    }
}
