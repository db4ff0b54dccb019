package io.configcicd.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.Scope;
import io.configcicd.core.testing.GitRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files would write a plaintext secret into a new git object, and the backups that therefore stay out of git. */
class PlaintextSecretsTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final String SECRET = "Hunter2-Never-Committed";

    @TempDir
    Path tmp;

    private GitRepo committed() {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("config-cicd.yaml", "secrets:\n  keys: [password, pin]\n")
                .write("global/base.yaml", "db:\n  password: ${DB_PASSWORD}\n")
                .write("environments/development.yaml", "db:\n  password: \"${DB_PASSWORD:-dev-default}\"\n  host: a\n")
                .write("environments/production.yaml", "db:\n  host: prod\n");
        repo.commitAll("initial");
        return repo;
    }

    private static List<String> found(GitRepo repo, Map<String, String> files) {
        Map<String, byte[]> bytes = new java.util.TreeMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        try (BackupGit git = BackupGit.open(repo.root())) {
            return PlaintextSecrets.newIn(git, repo.root(), git.head(), new BackupContent(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNeverCommittedPlaintextSecretIsReportedAtItsLineAndPathNeverByItsValue() {
        GitRepo repo = committed();

        List<String> found = found(repo, Map.of("environments/production.yaml",
                "db:\n  host: prod\n  password: " + SECRET + "\n"));

        assertThat(found).containsExactly("environments/production.yaml:3:13 (db.password)");
    }

    @Test
    void referencesEncryptedValuesAndEmptyValuesAreNoPlaintextSecrets() {
        GitRepo repo = committed();

        assertThat(found(repo, Map.of("environments/production.yaml", "db:\n  host: other\n  password: ${X}\n"
                + "  token: ENC[AES256_GCM,kid:0011aabb,iv:AAAA,data:BBBB]\n  pin: ''\n  api_key: null\n"))).isEmpty();
    }

    @Test
    void theSecretKeysOfTheSettingsCount() {
        GitRepo repo = committed();

        assertThat(found(repo, Map.of("environments/production.yaml", "db:\n  host: prod\n  pin: 4711\n")))
                .containsExactly("environments/production.yaml:3:8 (db.pin)");
    }

    @Test
    void aSecretThatHeadAlreadyWritesInClearIsInGitAlreadyAndNotReported() {
        GitRepo repo = committed();

        assertThat(found(repo, Map.of("environments/development.yaml",
                "db:\n  password: \"${DB_PASSWORD:-dev-default}\"\n  host: b\n"))).isEmpty();
        assertThat(found(repo, Map.of("environments/development.yaml",
                "db:\n  password: \"${DB_PASSWORD:-new-default}\"\n  host: b\n")))
                .containsExactly("environments/development.yaml:2:13 (db.password)");
    }

    @Test
    void aFileThatDoesNotParseCannotBeCheckedAndIsReported() {
        GitRepo repo = committed();

        assertThat(found(repo, Map.of("environments/production.yaml", "db: [\n  password: " + SECRET + "\n")))
                .containsExactly("environments/production.yaml (it does not parse, so it cannot be checked for"
                        + " plaintext secrets)");
    }

    @Test
    void aBackupThatWouldCommitSuchASecretIsACopyOutsideGitAndWritesNoObject() {
        GitRepo repo = committed();
        repo.write("environments/production.yaml", "db:\n  host: prod\n  password: " + SECRET + "\n");
        String objects = repo.git("count-objects", "-v");

        Backup b = new ConfigBackup().create(repo.root(), Scope.ENVIRONMENT, "production", "before-set", NOW);

        assertThat(b.kind()).isEqualTo(Backup.Kind.COPY);
        assertThat(b.id()).isEqualTo("20260304-050607-before-set");
        assertThat(repo.git("tag", "--list")).isEmpty();
        assertThat(repo.git("count-objects", "-v")).isEqualTo(objects);
        assertThat(repo.root().resolve(".config-cicd/backups/environment-production/" + b.id()
                + "/environments/production.yaml")).content().contains(SECRET);
    }

    @Test
    void aBackupOfChangesWithoutSuchASecretIsStillATagOnABackupCommit() {
        GitRepo repo = committed();
        repo.write("environments/development.yaml", "db:\n  password: \"${DB_PASSWORD:-dev-default}\"\n  host: b\n");

        Backup b = new ConfigBackup().create(repo.root(), Scope.ENVIRONMENT, "development", "before-set", NOW);

        assertThat(b.kind()).isEqualTo(Backup.Kind.GIT_TAG);
        assertThat(repo.git("show", b.id() + ":environments/development.yaml")).contains("host: b");
    }
}
