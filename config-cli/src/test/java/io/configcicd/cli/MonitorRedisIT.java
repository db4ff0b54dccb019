package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.deploy.probe.ProbeServer;
import io.configcicd.store.redis.RedisReadBack;
import io.configcicd.store.redis.RedisServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code monitor} of a deployment to a real redis-server and the file target, with probes: a command probe that starts
 * failing rolls the deployment back (redis and the file hold the previous content again); an HTTP health probe the
 * test switches to unhealthy (on {@link ProbeServer}) does the same, while the token of its {@code Authorization}
 * header ({@code ${HEALTH_TOKEN}}), which a Prometheus probe sends too and a command probe echoes, reaches the server
 * and appears in no output (text, json, standard error with --progress), journal entry or audit line.
 */
class MonitorRedisIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String TOKEN = "hT0ken-Health-Secret-8841";
    private static final Predicate<String> FIRST_ROUND = line -> line.startsWith("round 1: healthy");

    @TempDir
    Path tmp;

    private RedisExamples examples;
    private ProbeServer server;

    @BeforeEach
    void copy(TestInfo test) {
        examples = RedisExamples.copy(tmp, REDIS, "config:development:" + test.getTestMethod().orElseThrow().getName(),
                List.of("cache", "local"));
        // a reference without a default, which the journal keeps: the previous content can be written back
        examples.editDevelopment("\"${NEO4J_PASSWORD:-neo4j-dev}\"", "\"${NEO4J_PASSWORD}\"");
        server = ProbeServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCommandProbeThatStartsFailingRollsTheDeploymentBackAndRedisHoldsThePreviousContent() throws Exception {
        monitorSettings("    - {name: smoke, command: \"test -f healthy\"}\n");
        Files.writeString(tmp.resolve("healthy"), "");
        deployD1ThenD2();

        CliRun run = HookedRun.run(env(), FIRST_ROUND, () -> Files.delete(tmp.resolve("healthy")), "--config-dir",
                examples.config().toString(), "monitor", "--environment", "development", "--deployment-id", "d2",
                "--duration", "60", "--interval", "200ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("round 2: FAILED (1 of 2 in a row: probe smoke)", "\n    probe smoke FAILED (exit 1",
                "round 3: FAILED (2 of 2 in a row: probe smoke)");
        assertThat(run.out()).startsWith("monitor development: failed, rolled back (probe smoke failed 2 round(s) in a row;"
                + " rolled back as deployment d2-rollback, verified)").contains("probe smoke (command, ");
        assertHoldsD1Content();
        JsonNode journal = JsonMapper.shared().readTree(RedisExamples.read(examples.journal("d2")));
        assertThat(journal.path("monitor").path("status").asString()).isEqualTo("failed, rolled back");
        assertThat(RedisExamples.read(examples.auditLog())).contains("\"command\":\"monitor rollback\"");
    }

    @Test
    void anHttpProbeSwitchedUnhealthyRollsBackAndItsHeaderTokenIsNeverPrintedJournaledOrAudited() throws Exception {
        server.prometheus("sum(rate(http_5xx_total[1m]))", "0.01");
        String headers = "headers: {Authorization: \"Bearer ${HEALTH_TOKEN}\"}";
        monitorSettings("    - {name: health, http: \"" + server.healthUrl() + "\", expect_status: 200, json_pointer:"
                + " /status, expect: UP, " + headers + "}\n"
                + "    - {name: errors, prometheus: \"" + server.url() + "\", query: \"sum(rate(http_5xx_total[1m]))\","
                + " below: 0.05, " + headers + "}\n"
                + "    - {name: echo, command: \"echo token $HEALTH_TOKEN; test -f healthy\"}\n");
        Files.writeString(tmp.resolve("healthy"), "");
        deployD1ThenD2();
        List<CliRun> runs = new ArrayList<>();

        runs.add(monitorUntilUnhealthy("d2", "text"));
        assertHoldsD1Content();
        examples.editDevelopment("num_next_steps_decision: 7", "num_next_steps_decision: 8");
        assertThat(examples.run("deploy", "--environment", "development", "--deployment-id", "d3").exitCode()).isZero();
        server.healthy();
        Files.writeString(tmp.resolve("healthy"), "");
        runs.add(monitorUntilUnhealthy("d3", "json"));

        assertThat(server.requests("/health")).isNotEmpty().allSatisfy(r ->
                assertThat(r.header("Authorization")).contains("Bearer " + TOKEN));
        assertThat(server.requests("/api/v1/query")).isNotEmpty();
        JsonNode report = JsonMapper.shared().readTree(runs.get(1).out());
        assertThat(report.path("status").asString()).isEqualTo("failed, rolled back");
        assertThat(report.path("probes").get(2).path("last_answers").toString()).contains("exit 1: token ******");
        for (CliRun r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(TOKEN);
        }
        try (Stream<Path> files = Files.walk(examples.config().resolve(".config-cicd"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(TOKEN);
            }
        }
    }

    /**
     * Monitors {@code id} with --progress; after the first round the health endpoint turns unhealthy and the echo
     * command fails, its last line (the token) quoted in its answer; exit 1.
     */
    private CliRun monitorUntilUnhealthy(String id, String format) {
        HookedRun.Hook breakBoth = () -> {
            server.unhealthy();
            Files.delete(tmp.resolve("healthy"));
        };
        CliRun run = HookedRun.run(env(), FIRST_ROUND, breakBoth, "--config-dir", examples.config().toString(),
                "--progress", "monitor", "--environment", "development", "--deployment-id", id, "--duration", "60",
                "--interval", "200ms", "--format", format);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("round 2: FAILED (1 of 2 in a row: probe health, probe echo)",
                "\n    probe health FAILED (HTTP 503", "\n    probe echo FAILED (exit 1: token ******");
        return run;
    }

    private void monitorSettings(String probes) throws Exception {
        Path settings = examples.config().resolve("config-cicd.yaml");
        String text = Files.readString(settings);
        String replaced = text.replaceFirst("(?m)^monitor:\n(  .*\n)+", java.util.regex.Matcher.quoteReplacement(
                "monitor:\n  interval: 200ms\n  failures: 2\n  probes:\n" + probes));
        assertThat(replaced).as("the examples' monitor: section replaced").isNotEqualTo(text);
        Files.writeString(settings, replaced);
    }

    /** d1 deploys the examples; d2 changes kgot.num_next_steps_decision from 3 to 7. */
    private void deployD1ThenD2() {
        CliRun d1 = examples.run("deploy", "--environment", "development", "--deployment-id", "d1");
        assertThat(d1.exitCode()).as(d1.out() + d1.err()).isZero();
        examples.editDevelopment("num_next_steps_decision: 3", "num_next_steps_decision: 7");
        CliRun d2 = CliRun.run(env(), "--config-dir", examples.config().toString(), "deploy", "--environment",
                "development", "--deployment-id", "d2");
        assertThat(d2.exitCode()).as(d2.out() + d2.err()).isZero();
    }

    private void assertHoldsD1Content() throws Exception {
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            assertThat(redis.hash(examples.key())).containsEntry("kgot.num_next_steps_decision", "3");
        }
        JsonNode file = JsonMapper.shared().readTree(RedisExamples.read(examples.deployedFile()));
        assertThat(file.path("kgot").path("num_next_steps_decision").asInt()).isEqualTo(3);
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HEALTH_TOKEN", TOKEN);
        env.put("CONFIG_CICD_USER", "ci");
        return env;
    }
}
