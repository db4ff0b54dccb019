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
        assertThat(change.path("origin").path("file").asString()).isEqualTo("configuration/environments/production.yaml");
        assertThat(json.path("recommended_tests").toString()).contains("integration");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(JsonMapper.shared().readTree(development.out()).path("risk_level").asString()).isEqualTo("LOW");
    }

    @Test
    void markdown_shows_each_change_with_its_risk_values_and_the_file_line_that_set_it() throws Exception {
        movePortTo9090();

        CliRun r = CliRun.in(config, "assess", "--environment", "production", "--format", "markdown");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("## config-cicd assess: risk **CRITICAL**")
                .contains("| Risk | Change | Key | Value | Where | Why |")
                .containsPattern("\\| \\*\\*CRITICAL\\*\\* \\| modified \\| `services.manager_agent.port` \\| `8080` → `9090` \\| "
                        + "`configuration/environments/production.yaml:\\d+` \\|")
                .contains("**Recommended tests:**");
    }

    @Test
    void the_code_that_reads_a_changed_key_is_named_with_file_and_line() throws Exception {
        Path settings = config.resolve("config-cicd.yaml");
        Files.writeString(settings, Files.readString(settings) + "\nimpact:\n  consumers: [\"src/**/*.java\"]\n");
        Files.createDirectories(repo.resolve("src/main/java"));
        Files.writeString(repo.resolve("src/main/java/Manager.java"), String.join("\n",
                "class Manager {",
                "    int port() {",
                "        return config.getInt(\"services.manager_agent.port\");",
                "    }",
                "    @Value(\"${manager_agent.port}\") int again;",
                "    String unrelated = \"services.manager_agent.host_port\";",
                "}", ""));
        commit("consumers");
        movePortTo9090();

        CliRun r = CliRun.in(config, "assess", "--environment", "production", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode consumers = JsonMapper.shared().readTree(r.out()).path("changes").get(0).path("consumers");
        assertThat(consumers).hasSize(2);
        assertThat(consumers.get(0).path("file").asString()).isEqualTo("src/main/java/Manager.java");
        assertThat(consumers.get(0).path("line").asInt()).isEqualTo(3);
        assertThat(consumers.get(1).path("line").asInt()).isEqualTo(5);
        assertThat(CliRun.in(config, "assess", "--environment", "production").out())
                .contains("read by src/main/java/Manager.java:3: return config.getInt(\"services.manager_agent.port\");");
    }

    @Test
    void one_run_writes_the_assessment_in_every_ci_format() throws Exception {
        movePortTo9090();
        Path out = tmp.resolve("reports");

        CliRun r = CliRun.in(config, "assess", "--environment", "production",
                "--report", "junit=" + out.resolve("a.xml"), "--report", "sarif=" + out.resolve("a.sarif"),
                "--report", "gitlab=" + out.resolve("gl.json"), "--report", "github=" + out.resolve("gh.txt"),
                "--report", "markdown=" + out.resolve("a.md"), "--report", "json=" + out.resolve("a.json"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("a.xml"))).contains("<testsuites").contains("risk.critical");
        JsonNode sarif = JsonMapper.shared().readTree(Files.readString(out.resolve("a.sarif")));
        JsonNode result = sarif.path("runs").get(0).path("results").get(0);
        assertThat(result.path("ruleId").asString()).isEqualTo("risk.critical");
        assertThat(result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri")
                .asString()).isEqualTo("configuration/environments/production.yaml");
        JsonNode gitlab = JsonMapper.shared().readTree(Files.readString(out.resolve("gl.json")));
        assertThat(gitlab.get(0).path("severity").asString()).isEqualTo("critical");
        assertThat(gitlab.get(0).path("location").path("path").asString())
                .isEqualTo("configuration/environments/production.yaml");
        assertThat(Files.readString(out.resolve("gh.txt")))
                .startsWith("::error file=configuration/environments/production.yaml,line=");
        assertThat(Files.readString(out.resolve("a.md"))).contains("`services.manager_agent.port`");
        assertThat(JsonMapper.shared().readTree(Files.readString(out.resolve("a.json"))).path("risk_level").asString())
                .isEqualTo("CRITICAL");
    }

    @Test
    void an_unknown_format_is_bad_input_naming_the_formats() throws Exception {
        CliRun r = CliRun.in(config, "assess", "--environment", "production", "--format", "pdf");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown report format 'pdf'").contains("markdown");
    }

    private void movePortTo9090() throws Exception {
        Path prod = config.resolve("environments/production.yaml");
        Files.writeString(prod, Files.readString(prod).replace("    host: manager.prod.internal\n",
                "    host: manager.prod.internal\n    port: 9090\n"));
        commit("move the manager to 9090");
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
