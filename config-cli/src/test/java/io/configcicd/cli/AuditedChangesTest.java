package io.configcicd.cli;

import static io.configcicd.cli.TestGit.commit;
import static io.configcicd.cli.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.crypto.SecretKeyMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, item 7: every change is audited before it is made, its outcome after; a log that cannot be written
 * stops the command before it changes anything; a failed command leaves no backup tag behind.
 */
class AuditedChangesTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path config;

    private Path gitRepository() throws Exception {
        repo = tmp.resolve("repo");
        config = CliRun.copyOfExamples(repo);
        Files.writeString(repo.resolve(".gitignore"), ".config-cicd/\n");
        git(repo, "init", "-q", "-b", "main");
        commit(repo, "initial configuration");
        return config;
    }

    /** Makes the audit log unwritable in a way that holds for root too: its path is taken by a folder. */
    private static void breakTheAuditLog(Path config) throws Exception {
        Path log = config.resolve(".config-cicd/audit/audit.jsonl");
        Files.deleteIfExists(log);
        Files.createDirectories(log);
    }

    private static List<JsonNode> auditLines(Path config) throws Exception {
        return Files.readAllLines(config.resolve(".config-cicd/audit/audit.jsonl")).stream()
                .map(l -> JsonMapper.shared().readTree(l)).toList();
    }

    private static String summary(JsonNode line) {
        return line.path("command").asString() + " " + line.path("result").asString().replaceAll("(?s):.*", "")
                + line.path("details").path("started").asString("");
    }

    @Test
    void an_unwritable_audit_log_stops_rollback_before_it_writes_or_commits() throws Exception {
        gitRepository();
        assertThat(CliRun.as("carol", config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "6").exitCode()).isZero();
        commit(repo, "deeper reasoning");
        String head = git(repo, "rev-parse", "HEAD");
        String tags = git(repo, "tag");
        breakTheAuditLog(config);

        CliRun rollback = CliRun.as("carol", config, "rollback", "--scope", "global", "--name", "production");

        assertThat(git(repo, "rev-parse", "HEAD")).as("no rollback commit").isEqualTo(head);
        assertThat(Files.readString(config.resolve("environments/production.yaml"))).contains("reasoning_depth: 6");
        assertThat(git(repo, "status", "--porcelain")).isEmpty();
        assertThat(git(repo, "tag")).as("no before-rollback backup").isEqualTo(tags);
        assertThat(rollback.exitCode()).isEqualTo(3);
        assertThat(rollback.err()).contains("cannot append to the audit log").contains("rollback did not run: nothing "
                + "was changed").doesNotContain("\tat ");
    }

    @Test
    void an_unwritable_audit_log_stops_set_without_leaving_a_backup_tag() throws Exception {
        gitRepository();
        breakTheAuditLog(config);

        CliRun set = CliRun.as("carol", config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "6");

        assertThat(set.exitCode()).isEqualTo(3);
        assertThat(Files.readString(config.resolve("environments/production.yaml"))).contains("reasoning_depth: 4");
        assertThat(git(repo, "tag")).isEmpty();
    }

    @Test
    void an_unwritable_audit_log_stops_rekey_before_it_rewrites_any_file() throws Exception {
        config = CliRun.copyOfExamples(tmp);
        SecretKeyMaterial oldKey = SecretKeyMaterial.generate();
        Map<String, String> env = new HashMap<>(Map.of("CONFIG_CICD_KEY", oldKey.toBase64(), "CONFIG_CICD_USER", "carol"));
        String enc = CliRun.run(env, "--config-dir", config.toString(), "encrypt", "--value", "s3cret-Value-1").out().trim();
        for (String file : List.of("environments/development.yaml", "environments/production.yaml")) {
            Path p = config.resolve(file);
            Files.writeString(p, Files.readString(p) + "\nvault:\n  token: " + enc + "\n");
        }
        String development = Files.readString(config.resolve("environments/development.yaml"));
        String production = Files.readString(config.resolve("environments/production.yaml"));
        breakTheAuditLog(config);
        env.put("CONFIG_CICD_NEW_KEY", SecretKeyMaterial.generate().toBase64());

        CliRun rekey = CliRun.run(env, "--config-dir", config.toString(), "rekey");

        assertThat(Files.readString(config.resolve("environments/development.yaml"))).isEqualTo(development);
        assertThat(Files.readString(config.resolve("environments/production.yaml"))).isEqualTo(production);
        assertThat(rekey.exitCode()).as(rekey.err()).isEqualTo(3);
        assertThat(rekey.err()).contains("rekey did not run: nothing was changed");
    }

    @Test
    void a_set_refused_by_validation_is_audited_as_started_then_failed_and_leaves_no_backup_tag() throws Exception {
        gitRepository();

        CliRun set = CliRun.as("carol", config, "set", "--scope", "global", "--name", "development", "--path",
                "logging.level", "--value", "LOUD");

        assertThat(set.exitCode()).isEqualTo(1);
        assertThat(git(repo, "tag")).isEmpty();
        List<JsonNode> lines = auditLines(config);
        assertThat(lines).extracting(AuditedChangesTest::summary).containsExactly("set started", "set failed1");
        assertThat(lines.get(1).path("result").asString()).contains("refused");
        assertThat(CliRun.as("carol", config, "audit", "verify").out()).doesNotContain("unfinished");
    }

    @Test
    void every_change_is_audited_before_it_is_made_and_its_outcome_after() throws Exception {
        gitRepository();
        CliRun set = CliRun.as("carol", config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "6");
        commit(repo, "deeper reasoning");
        CliRun backup = CliRun.as("carol", config, "backup", "--scope", "global", "--name", "production");
        CliRun rollback = CliRun.as("carol", config, "rollback", "--scope", "global", "--name", "production");
        assertThat(List.of(set.exitCode(), backup.exitCode(), rollback.exitCode())).containsOnly(0);

        List<JsonNode> lines = auditLines(config);
        assertThat(lines).extracting(AuditedChangesTest::summary).containsExactly("set started", "set ok1",
                "backup started", "backup ok3", "rollback started", "rollback ok5");
        assertThat(lines.get(1).path("old").asString()).isEqualTo("4");
        assertThat(lines.get(1).path("details").path("backup").asString()).startsWith("config-backup/global/production/");
        assertThat(lines.get(5).path("result").asString()).contains("1 written").contains("commit ");
        CliRun verify = CliRun.as("carol", config, "audit", "verify", "--format", "json");
        assertThat(JsonMapper.shared().readTree(verify.out()).path("unfinished").size()).isZero();
    }

    @Test
    void validate_fix_is_audited_before_it_writes_and_after() throws Exception {
        gitRepository();
        Path development = config.resolve("environments/development.yaml");
        Files.writeString(development, Files.readString(development) + "\nvault:\n  token: plain-Token-123\n");
        commit(repo, "a plaintext token");

        CliRun fix = CliRun.as("carol", config, "validate", "--name", "development", "--fix");

        assertThat(fix.out()).contains("1 fix(es) written");
        List<JsonNode> lines = auditLines(config);
        assertThat(lines).extracting(AuditedChangesTest::summary).containsExactly("validate --fix started",
                "validate --fix ok1", "validate --fix ok");
        assertThat(lines.get(1).path("result").asString()).contains("1 fix(es) written, backup config-backup/");
        assertThat(lines.get(2).path("path").asString()).isEqualTo("vault.token");
    }

    @Test
    void a_started_line_without_outcome_is_listed_as_unfinished() throws Exception {
        config = CliRun.copyOfExamples(tmp);
        assertThat(CliRun.as("carol", config, "set", "--scope", "global", "--name", "development", "--path",
                "kgot.reasoning_depth", "--value", "6").exitCode()).isZero();
        Path log = config.resolve(".config-cicd/audit/audit.jsonl");
        List<String> lines = Files.readAllLines(log);
        Files.writeString(log, lines.get(0) + "\n"); // as if the process had died after its first line
        Files.writeString(config.resolve(".config-cicd/audit/audit.head"), "{\"count\":1,\"hash\":\""
                + lines.get(0).substring(lines.get(0).length() - 66, lines.get(0).length() - 2) + "\"}\n");

        CliRun verify = CliRun.as("carol", config, "audit", "verify");
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("unfinished: line 1").contains("carol set global development "
                + "kgot.reasoning_depth: started, outcome unknown");
    }
}
