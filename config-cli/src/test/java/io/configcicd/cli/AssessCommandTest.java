package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** assess on real commits: what changed for an environment, how risky, and what to test. */
class AssessCommandTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path config;

    @BeforeEach
    void repository() throws Exception {
        repo = tmp.resolve("repo");
        config = CliRun.copyOfExamples(repo);
        git("init", "-q", "-b", "main");
        commit("initial");
    }

    @Test
    void reformatting_is_no_effective_change() throws Exception {
        Path prod = config.resolve("environments/production.yaml");
        Files.writeString(prod, Files.readString(prod).replace("  reasoning_depth: 4", "  reasoning_depth:    4   # same"));
        commit("reformat");

        CliRun r = CliRun.in(config, "assess", "--environment", "production", "--fail-on", "low");

        assertThat(r.out()).startsWith("risk LOW for production").contains("no effective changes");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void a_port_change_in_production_is_critical_and_names_the_tests_to_run() throws Exception {
        Path prod = config.resolve("environments/production.yaml");
        Files.writeString(prod, Files.readString(prod).replace("    host: manager.prod.internal\n",
                "    host: manager.prod.internal\n    port: 9090\n"));
        commit("move the manager to 9090");

        CliRun r = CliRun.in(config, "assess", "--environment", "production", "--format", "json", "--deployment-id", "42");
        CliRun failing = CliRun.in(config, "assess", "--environment", "production", "--fail-on", "high");
        CliRun development = CliRun.in(config, "assess", "--environment", "development", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(r.out());
        assertThat(json.path("risk_level").asString()).isEqualTo("CRITICAL");
        assertThat(json.path("deployment_id").asString()).isEqualTo("42");
        JsonNode change = json.path("changes").get(0);
        assertThat(change.path("path").asString()).isEqualTo("services.manager_agent.port");
        assertThat(change.path("old").asString()).isEqualTo("8080");
        assertThat(change.path("new").asString()).isEqualTo("9090");
        assertThat(change.path("origin").path("file").asString()).isEqualTo("environments/production.yaml");
        assertThat(json.path("recommended_tests").toString()).contains("integration");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(JsonMapper.shared().readTree(development.out()).path("risk_level").asString()).isEqualTo("LOW");
    }

    private void commit(String message) throws Exception {
        git("add", "-A");
        git("-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", message);
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
