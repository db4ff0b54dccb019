package io.configcicd.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Scope;
import io.configcicd.core.testing.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BackupTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.123Z");

    @TempDir
    Path tmp;

    private final ConfigBackup backups = new ConfigBackup();

    /** A repository with the configuration in {@code configuration/}, committed, and an unrelated file. */
    private GitRepo committed() {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("configuration/config-cicd.yaml", "environments:\n  - name: production\n")
                .write("configuration/global/base.yaml", "kgot:\n  depth: 3\n")
                .write("configuration/global/extra.yaml", "log: info\n")
                .write("configuration/environments/production.yaml", "kgot:\n  depth: 5\n")
                .write("configuration/environments/staging.yaml", "kgot:\n  depth: 1\n")
                .write("README.md", "docs\n");
        repo.commitAll("initial");
        return repo;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What git would notice of the work tree, index and branch. */
    private static String state(GitRepo repo) {
        return repo.git("status", "--porcelain") + "|" + repo.git("rev-parse", "HEAD") + "|"
                + repo.git("rev-parse", "refs/heads/main") + "|" + repo.git("diff", "--cached") + "|" + repo.git("diff");
    }

    @Test
    void aCleanConfigurationIsBackedUpAsAnAnnotatedTagOnHead() {
        GitRepo repo = committed();
        String before = state(repo);

        Backup b = backups.create(repo.root().resolve("configuration"), Scope.GLOBAL, "production", "before-set", NOW);

        assertThat(b.id()).isEqualTo("config-backup/global/production/20260304-050607-before-set");
        assertThat(b.kind()).isEqualTo(Backup.Kind.GIT_TAG);
        assertThat(b.label()).isEqualTo("before-set");
        assertThat(b.time()).isEqualTo(NOW);
        assertThat(b.files()).containsExactly("config-cicd.yaml", "environments/production.yaml", "global/base.yaml",
                "global/extra.yaml");
        assertThat(repo.git("cat-file", "-t", b.id()).trim()).isEqualTo("tag");
        assertThat(repo.git("rev-parse", b.id() + "^{commit}")).isEqualTo(repo.git("rev-parse", "HEAD"));
        assertThat(state(repo)).isEqualTo(before);
    }

    @Test
    void aDirtyConfigurationIsBackedUpAsACommitOfTheDiskWithoutTouchingIndexWorkTreeOrBranch() {
        GitRepo repo = committed();
        repo.write("configuration/environments/production.yaml", "kgot:\n  depth: 9 # uncommitted\n")
                .write("configuration/global/new.yaml", "added: true\n")
                .write("README.md", "changed docs\n")
                .write("notes.txt", "staged\n");
        repo.git("add", "notes.txt");
        repo.git("rm", "-q", "--cached", "configuration/global/extra.yaml");
        String before = state(repo);

        Backup b = backups.create(repo.root().resolve("configuration"), Scope.GLOBAL, "production", "manual", NOW);

        String tagged = repo.git("rev-parse", b.id() + "^{commit}").trim();
        assertThat(tagged).isNotEqualTo(repo.git("rev-parse", "HEAD").trim());
        assertThat(repo.git("rev-parse", tagged + "^").trim()).isEqualTo(repo.git("rev-parse", "HEAD").trim());
        assertThat(repo.git("log", "-1", "--format=%s", tagged).trim()).isEqualTo("config-cicd backup of global/production (manual)");
        Path conf = repo.root().resolve("configuration");
        for (String f : List.of("environments/production.yaml", "global/new.yaml", "global/base.yaml", "global/extra.yaml",
                "config-cicd.yaml")) {
            assertThat(repo.git("show", tagged + ":configuration/" + f)).as(f).isEqualTo(read(conf.resolve(f)));
        }
        assertThat(repo.git("show", tagged + ":README.md")).as("files of other configurations stay as in HEAD").isEqualTo("docs\n");
        assertThat(repo.git("ls-tree", "-r", "--name-only", tagged)).doesNotContain("notes.txt");
        assertThat(b.files()).contains("global/new.yaml");
        assertThat(state(repo)).isEqualTo(before);
    }

    @Test
    void aFileDeletedOnDiskIsLeftOutOfTheBackupCommit() throws IOException {
        GitRepo repo = committed();
        Files.delete(repo.root().resolve("configuration/global/extra.yaml"));
        String before = state(repo);

        Backup b = backups.create(repo.root().resolve("configuration"), Scope.GLOBAL, "production", "x", NOW);

        assertThat(repo.git("ls-tree", "-r", "--name-only", b.id() + "^{commit}"))
                .doesNotContain("configuration/global/extra.yaml").contains("configuration/global/base.yaml");
        assertThat(b.files()).doesNotContain("global/extra.yaml");
        assertThat(state(repo)).isEqualTo(before);
    }

    @Test
    void anEnvironmentBackupOnlyCountsTheOverrideDocumentAsItsFiles() {
        GitRepo repo = committed();
        repo.write("configuration/global/base.yaml", "kgot:\n  depth: 4\n");

        Backup b = backups.create(repo.root().resolve("configuration"), Scope.ENVIRONMENT, "production", "before-set", NOW);

        assertThat(b.files()).containsExactly("environments/production.yaml");
        assertThat(repo.git("rev-parse", b.id() + "^{commit}")).as("its file is clean: HEAD is tagged")
                .isEqualTo(repo.git("rev-parse", "HEAD"));
    }

    @Test
    void aRepositoryWithoutCommitsGetsARootBackupCommit() {
        GitRepo repo = GitRepo.init(tmp.resolve("empty"));
        repo.write("environments/production.yaml", "a: 1\n");

        Backup b = backups.create(repo.root(), Scope.ENVIRONMENT, "production", "first", NOW);

        assertThat(repo.git("show", b.id() + ":environments/production.yaml")).isEqualTo("a: 1\n");
        assertThat(repo.git("log", "--format=%H", b.id())).hasLineCount(1);
        assertThat(repo.git("status", "--porcelain")).contains("?? environments/");
    }

    @Test
    void aTakenNameGetsACounterAndTheListIsNewestFirst() {
        GitRepo repo = committed();
        Path conf = repo.root().resolve("configuration");
        Backup first = backups.create(conf, Scope.GLOBAL, "production", "before-set", NOW);
        Backup second = backups.create(conf, Scope.GLOBAL, "production", "before-set", NOW);
        Backup later = backups.create(conf, Scope.GLOBAL, "production", "before set!", NOW.plusSeconds(3600));
        backups.create(conf, Scope.GLOBAL, "staging", "other", NOW.plusSeconds(7200));
        backups.create(conf, Scope.ENVIRONMENT, "production", "other", NOW.plusSeconds(7200));

        List<Backup> list = backups.list(conf, Scope.GLOBAL, "production");

        assertThat(second.id()).isEqualTo(first.id() + "-2");
        assertThat(later.id()).endsWith("/20260304-060607-before-set");
        assertThat(list).extracting(Backup::id).containsExactly(later.id(), second.id(), first.id());
        assertThat(list.get(0).time()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(list.get(0).label()).isEqualTo("before-set");
        assertThat(list.get(0).files()).contains("global/base.yaml", "environments/production.yaml");
    }

    @Test
    void outsideGitTheFilesAreCopiedWithAManifestOfTheirSha256() throws Exception {
        Path dir = configOutsideGit();

        Backup b = backups.create(dir, Scope.GLOBAL, "production", "before-set", NOW);

        assertThat(b.kind()).isEqualTo(Backup.Kind.COPY);
        assertThat(b.id()).isEqualTo("20260304-050607-before-set");
        Path copy = dir.resolve(".config-cicd/backups/global-production").resolve(b.id());
        assertThat(read(copy.resolve("global/base.yaml"))).isEqualTo("kgot:\n  depth: 3\n");
        assertThat(read(copy.resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 5\n");
        assertThat(read(copy.resolve("config-cicd.yaml"))).isEqualTo("validation:\n  fail_on: error\n");
        assertThat(copy.resolve("environments/staging.yaml")).doesNotExist();
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readAllBytes(copy.resolve("manifest.json")));
        assertThat(manifest.path("label").asString()).isEqualTo("before-set");
        assertThat(Instant.parse(manifest.path("time").asString())).isEqualTo(NOW);
        assertThat(manifest.path("files")).hasSize(3);
        for (JsonNode f : manifest.path("files")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(f.path("path").asString()));
            assertThat(f.path("sha256").asString()).as(f.toString()).isEqualTo(sha256(bytes));
        }
    }

    @Test
    void outsideGitAnEnvironmentBackupCopiesTheOverrideAloneAndTheListIsNewestFirst() throws IOException {
        Path dir = configOutsideGit();
        Backup a = backups.create(dir, Scope.ENVIRONMENT, "production", "one", NOW);
        Backup b = backups.create(dir, Scope.ENVIRONMENT, "production", "two", NOW.plusSeconds(1));
        Backup c = backups.create(dir, Scope.ENVIRONMENT, "production", "two", NOW.plusSeconds(1));
        Files.createDirectories(dir.resolve(".config-cicd/backups/environment-production/.tmp-half-written"));

        List<Backup> list = backups.list(dir, Scope.ENVIRONMENT, "production");

        assertThat(a.files()).containsExactly("environments/production.yaml");
        assertThat(c.id()).isEqualTo(b.id() + "-2");
        assertThat(list).extracting(Backup::id).containsExactly(c.id(), b.id(), a.id());
        assertThat(backups.list(dir, Scope.GLOBAL, "production")).isEmpty();
    }

    @Test
    void anInvalidNameIsBadInput() throws IOException {
        Path dir = configOutsideGit();
        assertThatThrownBy(() -> backups.create(dir, Scope.GLOBAL, "../etc", "x", NOW))
                .isInstanceOf(ConfigCicdException.class)
                .satisfies(e -> assertThat(((ConfigCicdException) e).kind()).isEqualTo(ErrorKind.BAD_INPUT));
    }

    private Path configOutsideGit() throws IOException {
        Path dir = tmp.resolve("plain");
        Files.createDirectories(dir.resolve("global"));
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("config-cicd.yaml"), "validation:\n  fail_on: error\n");
        Files.writeString(dir.resolve("global/base.yaml"), "kgot:\n  depth: 3\n");
        Files.writeString(dir.resolve("environments/production.yaml"), "kgot:\n  depth: 5\n");
        Files.writeString(dir.resolve("environments/staging.yaml"), "kgot:\n  depth: 1\n");
        assertThat(BackupGit.applies(dir)).as("the test directory must not be in a git repository").isFalse();
        return dir;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
