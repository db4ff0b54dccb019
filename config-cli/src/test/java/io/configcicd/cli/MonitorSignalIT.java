package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cancelled CI job: SIGTERM to a real {@code monitor} process while it watches a deployment. The process stops
 * watching, rolls nothing back, journals "monitoring interrupted", prints its report with what to do next, and exits 3
 * (not 143).
 */
class MonitorSignalIT {

    @TempDir
    Path tmp;

    @Test
    void sigtermDuringMonitoringStopsWithoutRollbackJournalsItAndExitsThree() throws Exception {
        Path config = CliRun.copyOfExamples(tmp);
        CliRun deploy = CliRun.in(config, "deploy", "--environment", "development", "--deployment-id", "d1");
        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
        Path deployed = tmp.resolve("build/deployed/development.json");
        String before = Files.readString(deployed) + Files.readString(tmp.resolve("build/deployed/development.meta.json"));
        Path out = tmp.resolve("monitor.out");
        Path err = tmp.resolve("monitor.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config-dir", config.toString(), "monitor", "--environment", "development", "--deployment-id", "d1",
                "--duration", "120", "--interval", "200ms")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && !RedisExamples.read(err).contains("round 1: ") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(p.isAlive()).as("still monitoring; stderr: " + RedisExamples.read(err)).isTrue();

            p.destroy(); // SIGTERM

            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String report = RedisExamples.read(out);
        assertThat(p.exitValue()).as(report + RedisExamples.read(err)).isEqualTo(3);
        assertThat(report).startsWith("monitor development: monitoring interrupted (stopped by SIGTERM after ")
                .contains("next: monitoring was interrupted and nothing was rolled back: run monitor again, or roll the"
                        + " deployment back with config-cicd rollback --environment development --deployment-id d1");
        JsonNode journal = JsonMapper.shared().readTree(RedisExamples.read(config.resolve(
                ".config-cicd/deployments/d1.json")));
        assertThat(journal.path("monitor").path("status").asString()).isEqualTo("monitoring interrupted");
        assertThat(Files.readString(deployed) + Files.readString(tmp.resolve("build/deployed/development.meta.json")))
                .as("targets untouched").isEqualTo(before);
        try (var entries = Files.list(config.resolve(".config-cicd/deployments"))) {
            assertThat(entries.map(e -> e.getFileName().toString())).as("no rollback deployment").containsExactly(
                    "d1.json");
        }
    }
}
