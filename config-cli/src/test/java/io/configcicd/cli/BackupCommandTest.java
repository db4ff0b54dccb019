package io.configcicd.cli;

import static io.configcicd.cli.TestGit.commit;
import static io.configcicd.cli.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups never put a plaintext secret that was never committed into a git object: validate --fix, set and rollback
 * take their backups of such files as copies outside git, and a rollback that restores one does not commit it.
 */
class BackupCommandTest {

    private static final String FIXED = "Never-Committed-Fix-7731";
    private static final String SET = "Never-Committed-Set-4419";

    @TempDir
    Path tmp;

    private Path repo;
    private Path config;

    private void committedExamples() throws Exception {
        repo = tmp.resolve("repo");
        config = TestGit.committedExamples(repo);
    }

    private void replace(String file, String from, String to) throws Exception {
        Path p = config.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void no_plaintext_secret_that_was_never_committed_reaches_a_git_object() throws Exception {
        committedExamples();
        String head = git(repo, "rev-parse", "HEAD");

        // validate --fix of a plaintext secret that was never committed: the before-fix backup holds it
        replace("environments/development.yaml", "\"${NEO4J_PASSWORD:-neo4j-dev}\"", FIXED);
        CliRun fix = CliRun.in(config, "validate", "--name", "development", "--fix");
        assertThat(fix.exitCode()).as(fix.err()).isIn(0, 1);
        assertThat(Files.readString(config.resolve("environments/development.yaml"))).doesNotContain(FIXED);

        // set, then rollback, of a file with a plaintext secret that was never committed: before-set, before-rollback
        replace("environments/production.yaml", "uri: bolt+s://neo4j.prod.internal:7687",
                "uri: bolt+s://neo4j.prod.internal:7687\n    password: " + SET);
        CliRun set = CliRun.in(config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "6", "--no-validate");
        assertThat(set.exitCode()).as(set.err()).isZero();
        CliRun rollback = CliRun.in(config, "rollback", "--scope", "global", "--name", "production");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(Files.readString(config.resolve("environments/production.yaml"))).doesNotContain(SET);

        // the before-set backup is a copy, owner-only; rolling back to it, forced, restores the secret uncommitted
        List<JsonNode> backups = new ArrayList<>();
        JsonMapper.shared().readTree(CliRun.in(config, "backup", "--scope", "global", "--name", "production",
                "--list", "--format", "json").out()).forEach(backups::add);
        JsonNode beforeSet = backups.stream().filter(b -> b.path("label").asString().equals("before-set"))
                .findFirst().orElseThrow();
        assertThat(beforeSet.path("kind").asString()).isEqualTo("copy");
        assertThat(backups.stream().filter(b -> b.path("label").asString().equals("before-rollback")))
                .allMatch(b -> b.path("kind").asString().equals("copy"));
        Path copy = config.resolve(".config-cicd/backups/global-production").resolve(beforeSet.path("id").asString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                copy.resolve("environments/production.yaml")))).isEqualTo("rw-------");
        CliRun back = CliRun.in(config, "rollback", "--scope", "global", "--name", "production", "--to-version",
                beforeSet.path("id").asString(), "--force");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).contains("not committed").contains("environments/production.yaml:")
                .contains("database.graph_store.password").doesNotContain(SET);
        assertThat(Files.readString(config.resolve("environments/production.yaml"))).contains(SET);
        assertThat(git(repo, "rev-parse", "HEAD")).isEqualTo(head);
        CliRun json = CliRun.in(config, "backup", "--scope", "global", "--name", "production", "--list", "--format",
                "json");
        CliRun verify = CliRun.in(config, "audit", "verify", "--format", "json");
        for (CliRun r : List.of(set, rollback, back, json, verify)) {
            assertThat(r.out() + r.err()).doesNotContain(SET).doesNotContain(FIXED);
        }
        assertThat(Files.readString(config.resolve(".config-cicd/audit/audit.jsonl"))).doesNotContain(SET)
                .doesNotContain(FIXED);

        String objects = allObjects();
        for (String secret : List.of(FIXED, SET)) {
            for (String form : forms(secret)) {
                assertThat(objects).as("a git object holds " + form).doesNotContain(form);
            }
        }
        assertThat(git(repo, "tag", "--list", "config-backup/*")).as("backups of files that held no such secret")
                .isNotEmpty();
    }

    @Test
    void a_backup_of_files_without_such_a_secret_is_still_a_git_tag() throws Exception {
        committedExamples();
        CliRun set = CliRun.in(config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "6");
        assertThat(set.exitCode()).as(set.err()).isZero();

        CliRun backup = CliRun.in(config, "backup", "--scope", "global", "--name", "production");

        assertThat(backup.out()).startsWith("backup config-backup/global/production/");
        assertThat(git(repo, "show", backup.out().split(" ")[1] + ":configuration/environments/production.yaml"))
                .contains("reasoning_depth: 6");
    }

    @Test
    void copies_of_backups_are_ignored_by_git_even_without_a_gitignore_of_the_state_folder() throws Exception {
        committedExamples();
        Files.delete(repo.resolve(".gitignore"));
        commit(repo, "no .gitignore");
        replace("environments/production.yaml", "uri: bolt+s://neo4j.prod.internal:7687",
                "uri: bolt+s://neo4j.prod.internal:7687\n    password: " + SET);

        CliRun backup = CliRun.in(config, "backup", "--scope", "global", "--name", "production");

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).as("a copy, not a tag").doesNotContain("config-backup/");
        assertThat(config.resolve(".config-cicd/backups/.gitignore")).exists();
        git(repo, "add", "-A");
        assertThat(git(repo, "diff", "--cached", "--name-only")).doesNotContain("backups/");
    }

    /** The content of every object in the repository, as {@code git cat-file --batch-all-objects --batch} prints it. */
    private String allObjects() throws Exception {
        Process p = new ProcessBuilder("git", "cat-file", "--batch-all-objects", "--batch").directory(repo.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("blob");
        return out;
    }

    /** The secret and its base64 forms (standard and URL alphabets, padded or not, and inside longer base64 text). */
    private static List<String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(List.of(secret));
        for (Base64.Encoder e : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            out.add(e.encodeToString(bytes));
            for (int offset = 0; offset <= 2; offset++) {
                byte[] shifted = new byte[offset + bytes.length];
                System.arraycopy(bytes, 0, shifted, offset, bytes.length);
                String enc = e.withoutPadding().encodeToString(shifted);
                out.add(enc.substring((8 * offset + 5) / 6, enc.length() - 1));
            }
        }
        return Stream.of(out.toArray(String[]::new)).distinct().toList();
    }
}
