package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {

    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path tmp;

    @Test
    void the_example_configuration_passes() {
        CliRun r = CliRun.in(CliRun.copyOfExamples(tmp), "validate", "--all-environments");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("no findings in 3 environments\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void an_error_exits_1_and_names_the_file_and_line() throws IOException {
        Path config = CliRun.copyOfExamples(tmp);
        replace(config.resolve("environments/production.yaml"), "    host: manager.prod.internal\n",
                "    host: manager.prod.internal\n    debug: true\n");

        CliRun r = CliRun.in(config, "validate", "--scope", "global", "--name", "production");

        assertThat(r.exitCode()).isEqualTo(1);
        int line = lineOf(config.resolve("environments/production.yaml"), "debug: true");
        assertThat(r.out()).contains("environments/production.yaml").contains(line + ":12  error").contains("[security.debug]");
    }

    @Test
    void fail_on_moves_the_threshold() throws IOException {
        Path config = withoutWaivers(CliRun.copyOfExamples(tmp));
        assertThat(CliRun.in(config, "validate", "--fail-on", "warning").exitCode()).isEqualTo(1);
        assertThat(CliRun.in(config, "validate", "--fail-on", "error").exitCode()).isZero();
        CliRun bad = CliRun.in(config, "validate", "--fail-on", "severe");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("use info, warning, error or critical");
    }

    @Test
    void several_reports_are_written_in_one_run() throws Exception {
        Path config = withoutWaivers(CliRun.copyOfExamples(tmp));
        git(tmp, "init", "-q");
        Path junit = tmp.resolve("out/junit.xml");
        Path sarif = tmp.resolve("out/result.sarif");
        Path gitlab = tmp.resolve("out/gl.json");

        CliRun r = CliRun.in(config, "validate", "--report", "junit=" + junit, "--report", "sarif=" + sarif,
                "--report", "codequality=" + gitlab, "--format", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(JSON.readTree(r.out()).path("summary").path("warning").asInt()).isEqualTo(2);
        assertThat(Files.readString(junit)).startsWith("<?xml").contains("<testsuites");
        JsonNode sarifTree = JSON.readTree(Files.readString(sarif));
        assertThat(sarifTree.path("version").asString()).isEqualTo("2.1.0");
        assertThat(sarifTree.path("runs").get(0).path("results").get(0).path("locations").get(0)
                .path("physicalLocation").path("artifactLocation").path("uri").asString())
                .isEqualTo("configuration/global/base.yaml");
        assertThat(JSON.readTree(Files.readString(gitlab)).isArray()).isTrue();
    }

    @Test
    void a_malformed_report_option_is_a_usage_error() {
        CliRun r = CliRun.in(CliRun.copyOfExamples(tmp), "validate", "--report", "pdf=x.pdf");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown report format 'pdf'");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void fix_writes_the_fixes_and_says_what_to_set() throws IOException {
        Path config = CliRun.copyOfExamples(tmp);
        Path prod = config.resolve("environments/production.yaml");
        replace(prod, "    host: kgot.prod.internal\n", "    host: kgot.prod.internal\n    debug: true   # left on by mistake\n");

        CliRun r = CliRun.in(config, "validate", "--name", "production", "--fix");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("fixed environments/production.yaml services.kgot_service.debug [security.debug]")
                .contains("validated again");
        assertThat(Files.readString(prod)).contains("debug: false   # left on by mistake").contains("# Production: protected");
    }

    @Test
    void fix_moves_two_secrets_with_the_same_key_to_two_variables_named_after_their_paths() throws IOException {
        Path config = CliRun.copyOfExamples(tmp);
        Path prod = config.resolve("environments/production.yaml");
        replace(prod, "    host: manager.prod.internal\n", "    host: manager.prod.internal\n    db_password: Orders-Pw-1\n");
        replace(prod, "    host: kgot.prod.internal\n", "    host: kgot.prod.internal\n    db_password: Billing-Pw-2\n");

        CliRun r = CliRun.in(config, "validate", "--name", "production", "--fix");

        assertThat(r.out()).contains("MANAGER_AGENT_DB_PASSWORD").contains("KGOT_SERVICE_DB_PASSWORD")
                .doesNotContain("Orders-Pw-1").doesNotContain("Billing-Pw-2");
        assertThat(Files.readString(prod)).contains("db_password: ${MANAGER_AGENT_DB_PASSWORD}")
                .contains("db_password: ${KGOT_SERVICE_DB_PASSWORD}").doesNotContain("${DB_PASSWORD}");
        assertThat(CliRun.in(config, "validate", "--name", "production").out()).doesNotContain("plaintext secret");
    }

    @Test
    void an_unquoted_yes_is_debug_on_in_production_and_an_ambiguous_boolean_everywhere() throws IOException {
        Path config = CliRun.copyOfExamples(tmp);
        Path prod = config.resolve("environments/production.yaml");
        replace(prod, "    host: kgot.prod.internal\n", "    host: kgot.prod.internal\n    debug: yes\n");
        int line = lineOf(prod, "debug: yes");

        CliRun r = CliRun.in(config, "validate", "--name", "production");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).containsPattern(line + ":12 +error +" + Pattern.quote("debug is on at"
                        + " services.kgot_service.debug in protected environment production (yes is true to YAML 1.1"
                        + " readers"))
                .contains("fix: set services.kgot_service.debug to false in environments/production")
                .containsPattern(line + ":12 +warning +" + Pattern.quote("ambiguous boolean at"
                        + " services.kgot_service.debug: yes is the string \"yes\""))
                .contains("[yaml.ambiguous-boolean]");
    }

    @Test
    void fix_turns_an_unquoted_yes_off_in_production() throws IOException {
        Path config = CliRun.copyOfExamples(tmp);
        Path prod = config.resolve("environments/production.yaml");
        replace(prod, "    host: kgot.prod.internal\n", "    host: kgot.prod.internal\n    debug: yes   # left on\n");

        CliRun r = CliRun.in(config, "validate", "--name", "production", "--fix");

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("fixed environments/production.yaml services.kgot_service.debug [security.debug]");
        assertThat(Files.readString(prod)).contains("    debug: false   # left on\n");
    }

    @Test
    void a_commit_is_validated_without_a_checkout() throws Exception {
        Path repo = tmp.resolve("repo");
        Path config = CliRun.copyOfExamples(repo);
        git(repo, "init", "-q", "-b", "main");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "good");
        replace(config.resolve("environments/production.yaml"), "reasoning_depth: 4", "reasoning_depth: deep");

        CliRun head = CliRun.in(config, "validate", "--environment", "production", "--commit-hash", "HEAD",
                "--branch", "main");
        CliRun work = CliRun.in(config, "validate", "--environment", "production");

        assertThat(head.exitCode()).isZero();
        assertThat(work.exitCode()).isEqualTo(1);
        assertThat(work.out()).contains("configuration/environments/production.yaml").contains("[schema]");
    }

    @Test
    void schema_mode_validates_arbitrary_files() throws IOException {
        Path schema = tmp.resolve("service.schema.json");
        Files.writeString(schema, "{\"type\": \"object\", \"properties\": {\"port\": {\"type\": \"integer\"}}, "
                + "\"required\": [\"port\"]}");
        Path good = tmp.resolve("good.yaml");
        Path bad = tmp.resolve("bad.toml");
        Files.writeString(good, "port: 80\n");
        Files.writeString(bad, "# a service\nport = \"eighty\"\n");

        CliRun ok = CliRun.run("validate", "--schema", schema.toString(), good.toString());
        CliRun failed = CliRun.run("validate", "--schema", schema.toString(), good.toString(), bad.toString());

        assertThat(ok.exitCode()).isZero();
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("bad.toml").contains("2:8").contains("[schema]");
        assertThat(CliRun.run("validate", "--schema", schema.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void usage_errors_exit_2_without_a_stack_trace() {
        Path config = CliRun.copyOfExamples(tmp);
        for (List<String> args : List.of(List.of("validate", "--name", "qa"),
                List.of("validate", "--all-environments", "--name", "production"),
                List.of("validate", "--scope", "global"),
                List.of("validate", "--fix", "--commit-hash", "HEAD"),
                List.of("validate", "--format", "yaml"),
                List.of("validate", "stray.yaml"))) {
            CliRun r = CliRun.in(config, args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("error: ").contains("hint: ").doesNotContain("\tat ");
        }
    }

    /** The example without its waiver: features.debug_ui is then a warning in production and staging. */
    private static Path withoutWaivers(Path config) throws IOException {
        Path settings = config.resolve("config-cicd.yaml");
        String text = Files.readString(settings);
        Files.writeString(settings, text.substring(0, text.indexOf("waivers:")));
        return config;
    }

    private static void replace(Path file, String old, String text) throws IOException {
        String content = Files.readString(file);
        assertThat(content).contains(old);
        Files.writeString(file, content.replace(old, text));
    }

    private static int lineOf(Path file, String needle) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + file);
    }

    private static void git(Path dir, String... args) throws Exception {
        Process p = new ProcessBuilder(concat("git", args)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}
