package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** access: in config-cicd.yaml decides who may do what (exit 4 otherwise), and every change lands in the audit log. */
class AccessAndAuditTest {

    private static final String SECRET = "Pa55-w0rd-Audit-77";

    @TempDir
    Path tmp;

    private Path config;

    @BeforeEach
    void configuration() throws Exception {
        config = CliRun.copyOfExamples(tmp);
        Files.writeString(config.resolve("config-cicd.yaml"), Files.readString(config.resolve("config-cicd.yaml")) + """

                access:
                  roles:
                    developer: {permissions: [read, write], environments: [development, staging]}
                    operator: {permissions: [read, write, deploy, rollback, reveal], environments: ["*"]}
                  bindings:
                    alice: [developer]
                    bob: [operator]
                """);
    }

    private List<JsonNode> auditLines() throws Exception {
        Path log = config.resolve(".config-cicd/audit/audit.jsonl");
        return Files.readAllLines(log).stream().map(l -> JsonMapper.shared().readTree(l)).toList();
    }

    @Test
    void a_developer_may_change_staging_but_not_production() throws Exception {
        CliRun staging = CliRun.as("alice", config, "set", "--scope", "global", "--name", "staging",
                "--path", "kgot.reasoning_depth", "--value", "5");
        CliRun production = CliRun.as("alice", config, "set", "--scope", "global", "--name", "production",
                "--path", "kgot.reasoning_depth", "--value", "5");

        assertThat(staging.exitCode()).as(staging.err()).isZero();
        assertThat(production.exitCode()).isEqualTo(4);
        assertThat(production.err()).contains("access denied").contains("'alice'").contains("write")
                .contains("production").contains("hint: role operator grants write");
        assertThat(Files.readString(config.resolve("environments/production.yaml"))).contains("reasoning_depth: 4");
    }

    @Test
    void a_principal_without_a_role_cannot_even_read() {
        CliRun r = CliRun.as("mallory", config, "get", "--scope", "global", "--name", "development", "--path", "kgot");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(CliRun.as("mallory", config, "validate").exitCode()).isEqualTo(4);
        assertThat(CliRun.as("bob", config, "validate").exitCode()).isZero();
    }

    @Test
    void changes_reveals_and_denied_attempts_are_audited_with_secrets_masked() throws Exception {
        CliRun.as("bob", config, "set", "--scope", "global", "--name", "production", "--path",
                "database.graph_store.password", "--value", SECRET, "--no-validate");
        CliRun.as("bob", config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.cache_ttl", "--value", "60");
        CliRun.as("alice", config, "get", "--scope", "global", "--name", "production", "--path", "kgot");
        CliRun.as("bob", config, "get", "--scope", "global", "--name", "production", "--path",
                "database.graph_store.uri", "--reveal");

        List<JsonNode> lines = auditLines();
        assertThat(lines).extracting(l -> l.path("principal").asString() + " " + l.path("command").asString() + " "
                        + l.path("result").asString())
                .containsExactly("bob set started", "bob set ok", "bob set started", "bob set ok",
                        "alice get denied: read", "bob get --reveal ok");
        assertThat(lines.get(3).path("path").asString()).isEqualTo("kgot.cache_ttl");
        assertThat(lines.get(3).path("old").asString()).isEqualTo("3600");
        assertThat(lines.get(3).path("new").asString()).isEqualTo("60");
        assertThat(Files.readString(config.resolve(".config-cicd/audit/audit.jsonl"))).doesNotContain(SECRET)
                .contains("******");
        assertThat(CliRun.as("bob", config, "audit", "verify").exitCode()).isZero();
    }
}
