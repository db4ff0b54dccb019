package io.configcicd.core.history;

import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.RestoreValidators;
import io.configcicd.core.model.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollbacks of a configuration directory that is in no git repository: versions are the backups. */
class FileRestoreOutsideGitTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
    private static final String SECURE = "security:\n  authentication:\n    enabled: true\n  encryption:\n    enabled: true\n";

    @TempDir
    Path tmp;

    private final RestoreOptions options = RestoreOptions.defaults().withClock(CLOCK);

    private RestoreResult roll(Path dir, Scope scope, Optional<String> to, RestoreOptions opts) {
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            return new FileRestore(RestoreValidators.of(manager)).rollback(ConfigDirectory.open(dir, Codecs.standard(), Runnable::run), scope, "production",
                    to, opts);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void outsideGitRollsBackToTheNewestBackupThatDiffersAndExplainsWhatItCannotDo() throws IOException {
        Path dir = tmp.resolve("plain");
        write(dir, "global/security.yaml", SECURE);
        write(dir, "global/base.yaml", "kgot:\n  depth: 3\n");
        write(dir, "global/old.yaml", "old: true\n");
        write(dir, "environments/production.yaml", "kgot:\n  depth: 5\n");
        ConfigBackup backups = new ConfigBackup();
        Backup before = backups.create(dir, Scope.GLOBAL, "production", "before-set", CLOCK.instant().minusSeconds(60));
        write(dir, "environments/production.yaml", "kgot:\n  depth: 8\n");
        write(dir, "global/new.yaml", "new: true\n");
        Files.delete(dir.resolve("global/old.yaml"));
        backups.create(dir, Scope.GLOBAL, "production", "manual", CLOCK.instant().minusSeconds(30));
        assertThat(BackupGit.applies(dir)).isFalse();

        RestoreResult r = roll(dir, Scope.GLOBAL, Optional.empty(), options);

        assertThat(r.version()).as("the newest backup is the disk itself; the one before differs").isEqualTo(before.id());
        assertThat(r.filesWritten()).containsExactly("environments/production.yaml", "global/old.yaml");
        assertThat(r.filesDeleted()).containsExactly("global/new.yaml");
        assertThat(read(dir.resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 5\n");
        assertThat(dir.resolve("global/new.yaml")).doesNotExist();
        assertThat(r.newCommit()).isEmpty();
        assertThat(r.backupTaken().kind()).isEqualTo(Backup.Kind.COPY);
        assertThat(dir.resolve(".config-cicd/backups/global-production").resolve(r.backupTaken().id())
                .resolve("global/new.yaml")).exists();

        assertThatThrownBy(() -> roll(dir, Scope.GLOBAL, Optional.of("HEAD~1"), options))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("not a git repository: roll back to a backup id (config-cicd backup --list)",
                            before.id());
                });

        RestoreResult back = roll(dir, Scope.GLOBAL, Optional.of(r.backupTaken().id()), options);
        assertThat(read(dir.resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 8\n");
        assertThat(back.filesDeleted()).containsExactly("global/old.yaml");
    }

    @Test
    void outsideGitADamagedBackupIsRefused() throws IOException {
        Path dir = tmp.resolve("plain");
        write(dir, "global/security.yaml", SECURE);
        write(dir, "environments/production.yaml", "kgot:\n  depth: 5\n");
        Backup b = new ConfigBackup().create(dir, Scope.ENVIRONMENT, "production", "x", CLOCK.instant());
        write(dir, "environments/production.yaml", "kgot:\n  depth: 6\n");
        write(dir.resolve(".config-cicd/backups/environment-production").resolve(b.id()), "environments/production.yaml",
                "kgot:\n  depth: 666\n");

        assertThatThrownBy(() -> roll(dir, Scope.ENVIRONMENT, Optional.of(b.id()), options))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> assertThat(e.getMessage()).contains("is damaged"));
        assertThat(read(dir.resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 6\n");
    }

    @Test
    void aWriteThatFailsMidwayPutsBackWhatWasAlreadyWritten() throws IOException {
        Path dir = tmp.resolve("plain");
        write(dir, "global/security.yaml", SECURE);
        write(dir, "global/old.yaml", "old: true\n");
        write(dir, "environments/production.yaml", "kgot:\n  depth: 5\n");
        Backup b = new ConfigBackup().create(dir, Scope.GLOBAL, "production", "x", CLOCK.instant().minusSeconds(60));
        write(dir, "environments/production.yaml", "kgot:\n  depth: 6\n");
        Files.delete(dir.resolve("global/old.yaml"));
        write(dir, "global/old.yaml/blocker.txt", "a folder where the backup has a file\n");

        assertThatThrownBy(() -> roll(dir, Scope.GLOBAL, Optional.of(b.id()), options))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
                    assertThat(e.getMessage()).contains("failed at global/old.yaml", "were put back as they were");
                    assertThat(e.hint()).contains("nothing was changed").contains("the backup taken before it was removed");
                });
        assertThat(read(dir.resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 6\n");
        assertThat(new ConfigBackup().list(dir, Scope.GLOBAL, "production")).extracting(Backup::id)
                .as("a rollback that changed nothing leaves no before-rollback backup").containsExactly(b.id());
    }

    private static void write(Path dir, String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
