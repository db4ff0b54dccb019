package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.store.redis.RedisServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original design's pipeline through the action's entry point in a simulated runner, on the repository of
 * {@code testing/pipeline} (tags base, good, bad, critical) against a real Redis and the file target: per tag,
 * validate, assess (the {@code risk_level} output), and unless CRITICAL deploy and monitor; what each step reports and
 * what the stores hold afterwards must be what {@code testing/pipeline/expected.json} says, as for the CLI and Maven.
 */
class PipelineActionIT {

    private static final Path FIXTURE = Path.of("..", "testing", "pipeline");

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path tmp;

    @Test
    void everyCommitReportsTheExpectedRiskPlanAndOutcomeAndTheStoresEndHoldingGood() throws Exception {
        JsonNode expected = JsonMapper.shared().readTree(Files.readString(FIXTURE.resolve("expected.json")));
        String environment = expected.path("environment").asString();
        Path repo = tmp.resolve("workspace");
        run(List.of("sh", FIXTURE.resolve("make-repo.sh").toAbsolutePath().toString(), repo.toString()), tmp);
        SimulatedRunner runner = SimulatedRunner.onRepository(repo, tmp);
        runner.set("REDIS_URL", REDIS.url());
        checkout(runner, expected.path("deployed_first").asString());
        SimulatedRunner.Step first = runner.run("command", "deploy", "environment", environment,
                "deployment_id", expected.path("deployed_first").asString());
        assertThat(first.exitCode()).as(first.stdout()).isZero();

        for (JsonNode step : expected.path("steps")) {
            String tag = step.path("tag").asString();
            checkout(runner, tag);
            SimulatedRunner.Step validate = runner.run("command", "validate", "environment", environment);
            assertThat(validate.exitCode()).as(tag + " validate: " + validate.stdout()).isZero();
            SimulatedRunner.Step assess = runner.run("command", "assess", "environment", environment);
            assertThat(assess.exitCode()).as(tag + " assess: " + assess.stdout()).isZero();
            assertThat(assess.outputs().get("risk_level")).as(tag).isEqualTo(step.path("risk_level").asString());
            assertThat(assess.outputs().get("changed_keys")).as(tag).isEqualTo(lines(step.path("assessed_paths")));
            String deployed = "not run";
            String monitored = "not run";
            if (!"CRITICAL".equals(assess.outputs().get("risk_level"))) {
                SimulatedRunner.Step deploy = runner.run("command", "deploy", "environment", environment,
                        "deployment_id", tag);
                assertThat(deploy.outputs().get("changed_keys")).as(tag).isEqualTo(lines(step.path("changed_keys")));
                deployed = JsonMapper.shared().readTree(deploy.report()).path("status").asString();
                SimulatedRunner.Step monitor = runner.run("command", "monitor", "environment", environment,
                        "deployment_id", tag, "duration", "2s");
                monitored = JsonMapper.shared().readTree(monitor.report()).path("status").asString();
                assertThat(monitor.summary()).as(tag).contains("## monitor " + environment + ": " + monitored);
                assertThat(monitor.stdout()).as(tag).contains("::group::monitor round 1: ");
            }
            assertThat(deployed).as(tag + " deploy").isEqualTo(step.path("deploy").asString());
            assertThat(monitored).as(tag + " monitor").isEqualTo(step.path("monitor").asString());
            assertStoresHold(repo, expected.path("stores"), step.path("stores_hold").asString(), tag);
        }
    }

    private static void assertStoresHold(Path repo, JsonNode stores, String which, String tag) throws Exception {
        JsonNode file = JsonMapper.shared().readTree(Files.readString(repo.resolve(stores.path("file").asString())));
        for (Map.Entry<String, JsonNode> e : stores.path(which).properties()) {
            String value = e.getValue().asString();
            assertThat(run(List.of("redis-cli", "-u", REDIS.url(), "HGET", stores.path("redis_key").asString(),
                    e.getKey()), repo).strip()).as(tag + ": redis " + e.getKey()).isEqualTo(value);
            assertThat(file.at("/" + e.getKey().replace('.', '/')).asString()).as(tag + ": file " + e.getKey())
                    .isEqualTo(value);
        }
    }

    private static void checkout(SimulatedRunner runner, String tag) throws IOException {
        runner.git("checkout", "-q", tag);
        runner.set("GITHUB_SHA", runner.git("rev-parse", "HEAD").strip());
    }

    private static String lines(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return String.join("\n", out.stream().sorted().toList());
    }

    private static String run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
