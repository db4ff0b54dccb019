package io.configcicd.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.model.Scope;
import io.configcicd.core.testing.GitRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that fails leaves no backup behind unless it changed the files (then the backup is the way back). */
class BackupDiscardTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path tmp;

    private final ConfigBackup backups = new ConfigBackup();

    private GitRepo repo() {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("configuration/global/base.yaml", "kgot:\n  depth: 3\n")
                .write("configuration/environments/production.yaml", "kgot:\n  depth: 5\n");
        repo.commitAll("initial");
        repo.write("configuration/environments/production.yaml", "kgot:\n  depth: 6\n"); // uncommitted
        return repo;
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFailureBeforeAnyFileChangedRemovesTheBackupTag() {
        GitRepo repo = repo();
        Path config = repo.root().resolve("configuration");

        assertThatThrownBy(() -> backups.around(config, Scope.GLOBAL, "production", "before-set", NOW, () -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(repo.git("tag")).isEmpty();
    }

    @Test
    void aFailureAfterAFileChangedKeepsTheBackupTagAsTheWayBack() {
        GitRepo repo = repo();
        Path config = repo.root().resolve("configuration");

        assertThatThrownBy(() -> backups.around(config, Scope.GLOBAL, "production", "before-set", NOW, () -> {
            write(config.resolve("environments/production.yaml"), "kgot:\n  depth: 7\n");
            throw new IllegalStateException("half way");
        })).hasMessage("half way");
        String tag = repo.git("tag").trim();
        assertThat(tag).isEqualTo("config-backup/global/production/20260304-050607-before-set");
        assertThat(repo.git("show", tag + ":configuration/environments/production.yaml")).contains("depth: 6");
    }

    @Test
    void aSuccessKeepsTheBackupAndReturnsTheResult() {
        GitRepo repo = repo();
        Path config = repo.root().resolve("configuration");

        ConfigBackup.Backed<String> done = backups.around(config, Scope.GLOBAL, "production", "before-set", NOW, () -> "ok");

        assertThat(done.result()).isEqualTo("ok");
        assertThat(repo.git("tag").trim()).isEqualTo(done.backup().id());
    }

    @Test
    void outsideGitTheCopyOfAFailedCommandIsRemovedToo() throws IOException {
        Path config = tmp.resolve("configuration");
        Files.createDirectories(config.resolve("environments"));
        write(config.resolve("environments/production.yaml"), "kgot:\n  depth: 5\n");

        assertThatThrownBy(() -> backups.around(config, Scope.ENVIRONMENT, "production", "before-set", NOW, () -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(backups.list(config, Scope.ENVIRONMENT, "production")).isEmpty();
    }

    @Test
    void aBackupIsOnlyDiscardedWhileTheFilesAreWhatItHolds() {
        GitRepo repo = repo();
        Path config = repo.root().resolve("configuration");
        Backup b = backups.create(config, Scope.GLOBAL, "production", "manual", NOW);
        write(config.resolve("global/base.yaml"), "kgot:\n  depth: 4\n");

        assertThat(backups.discardIfUnchanged(config, Scope.GLOBAL, "production", b)).isFalse();
        write(config.resolve("global/base.yaml"), "kgot:\n  depth: 3\n");
        assertThat(backups.discardIfUnchanged(config, Scope.GLOBAL, "production", b)).isTrue();
        assertThat(repo.git("tag")).isEmpty();
    }
}
