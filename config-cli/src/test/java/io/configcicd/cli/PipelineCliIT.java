package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.store.redis.RedisReadBack;
import io.configcicd.store.redis.RedisServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original design's pipeline through the CLI, on the repository of {@code testing/pipeline} against a real
 * redis-server and the file target: for each tag of {@code expected.json}, validate, assess (risk level, assessed
 * paths), then unless CRITICAL deploy (status, changed keys) and monitor (status); after each step both stores hold
 * {@code good}'s content: a bad commit is rolled back by the monitor's failing smoke test, a critical one never
 * deployed.
 */
class PipelineCliIT {

    private static final Path FIXTURE = Path.of("..", "testing", "pipeline");

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path tmp;

    private Path repo;
    private Map<String, String> env;

    @Test
    void everyCommitOfThePipelineReportsWhatExpectedJsonSaysAndTheStoresHoldTheGoodContent() throws Exception {
        JsonNode expected = JsonMapper.shared().readTree(Files.readString(FIXTURE.resolve("expected.json")));
        repo = makeRepo();
        env = new HashMap<>(System.getenv());
        env.put("REDIS_URL", REDIS.url());
        env.put("CONFIG_CICD_USER", "ci");
        String environment = expected.path("environment").asString();
        TestGit.git(repo, "checkout", "-q", expected.path("deployed_first").asString());
        CliRun first = cli("deploy", "--environment", environment, "--deployment-id", "base");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();

        for (JsonNode step : expected.path("steps")) {
            String tag = step.path("tag").asString();
            TestGit.git(repo, "checkout", "-q", tag);
            CliRun validate = cli("validate", "--scope", "global", "--name", environment);
            assertThat(validate.exitCode()).as(tag + ": " + validate.out() + validate.err()).isZero();

            JsonNode assess = json(tag, cli("assess", "--environment", environment, "--format", "json"));
            assertThat(assess.path("risk_level").asString()).as(tag).isEqualTo(step.path("risk_level").asString());
            assertThat(paths(assess.path("changes"), "path")).as(tag).isEqualTo(strings(step.path("assessed_paths")));

            if (!assess.path("risk_level").asString().equals("CRITICAL")) {
                JsonNode deploy = json(tag, cli("deploy", "--environment", environment, "--deployment-id", tag,
                        "--format", "json"));
                assertThat(deploy.path("status").asString()).as(tag).isEqualTo(step.path("deploy").asString());
                assertThat(changedKeys(deploy)).as(tag).isEqualTo(strings(step.path("changed_keys")));
                CliRun monitor = cli("monitor", "--environment", environment, "--deployment-id", tag,
                        "--duration", "3s", "--format", "json");
                assertThat(monitor.err()).as(tag).contains("round 1: ");
                assertThat(JsonMapper.shared().readTree(monitor.out()).path("status").asString())
                        .as(tag + ": " + monitor.out() + monitor.err()).isEqualTo(step.path("monitor").asString());
            } else {
                assertThat(step.path("deploy").asString()).isEqualTo("not run");
            }
            assertStoresHold(expected.path("stores"), step.path("stores_hold").asString(), tag);
        }
    }

    private Path makeRepo() throws Exception {
        Path dir = tmp.resolve("repo");
        Process p = new ProcessBuilder("sh", FIXTURE.resolve("make-repo.sh").toString(), dir.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("make-repo.out").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(RedisExamples.read(tmp.resolve("make-repo.out"))).isZero();
        return dir;
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--config-dir", repo.resolve("configuration").toString()));
        all.addAll(List.of(args));
        return CliRun.run(env, all.toArray(String[]::new));
    }

    /** The JSON a command printed; fails with its output when it did not exit 0 or 1. */
    private static JsonNode json(String tag, CliRun run) {
        assertThat(run.exitCode()).as(tag + ": " + run.out() + run.err()).isIn(0, 1);
        return JsonMapper.shared().readTree(run.out());
    }

    /** The names of the entries the deploy changed, over every target, each once, sorted. */
    private static List<String> changedKeys(JsonNode deploy) {
        TreeSet<String> keys = new TreeSet<>();
        for (JsonNode target : deploy.path("targets")) {
            keys.addAll(paths(target.path("changes"), "name"));
        }
        return List.copyOf(keys);
    }

    private static List<String> paths(JsonNode list, String field) {
        TreeSet<String> out = new TreeSet<>();
        list.forEach(c -> out.add(c.path(field).asString()));
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asString()));
        return out.stream().sorted().toList();
    }

    /** Redis's hash and the file target hold the values of {@code stores.<which>}. */
    private void assertStoresHold(JsonNode stores, String which, String tag) throws Exception {
        JsonNode file = JsonMapper.shared().readTree(Files.readString(repo.resolve(stores.path("file").asString())));
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            Map<String, String> hash = redis.hash(stores.path("redis_key").asString());
            for (Map.Entry<String, JsonNode> e : stores.path(which).properties()) {
                assertThat(hash).as(tag + ": redis").containsEntry(e.getKey(), e.getValue().asString());
                JsonNode value = file;
                for (String segment : e.getKey().split("\\.")) {
                    value = value.path(segment);
                }
                assertThat(value.asString()).as(tag + ": file " + e.getKey()).isEqualTo(e.getValue().asString());
            }
        }
    }
}
