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
import io.configcicd.core.testing.GitRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rollback commits: only a change, only what it restored. */
class RestoreCommitTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
    private static final String SECURE = "security:\n  authentication:\n    enabled: true\n  encryption:\n    enabled: true\n";

    @TempDir
    Path tmp;

    private final RestoreOptions options = RestoreOptions.defaults().withClock(CLOCK);

    private Commits repo() {
        Commits c = new Commits(GitRepo.init(tmp.resolve("repo")));
        c.repo().write(".gitignore", ".config-cicd/\n").write("global/security.yaml", SECURE);
        return c;
    }

    private RestoreResult roll(Path dir, Optional<String> to) {
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            return new FileRestore(RestoreValidators.of(manager)).rollback(ConfigDirectory.open(dir, Codecs.standard(), Runnable::run), Scope.ENVIRONMENT,
                    "production", to, options);
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
    void undoingAnUncommittedChangeRestoresTheFileAndHasNothingToCommit() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("environments/production.yaml", "kgot:\n  depth: 5\n");
        String head = c.commit("first");
        g.write("environments/production.yaml", "kgot:\n  depth: 6 # set, not committed\n");

        RestoreResult r = roll(g.root(), Optional.empty());

        assertThat(r.version()).isEqualTo("HEAD");
        assertThat(r.filesWritten()).containsExactly("environments/production.yaml");
        assertThat(r.newCommit()).isEmpty();
        assertThat(r.nothingToCommit()).isTrue();
        assertThat(read(g.root().resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 5\n");
        assertThat(c.head()).isEqualTo(head);
        assertThat(g.git("status", "--porcelain")).isEmpty();
    }

    @Test
    void undoingAStagedChangeAlsoPutsTheIndexBackSoNothingIsLeftStaged() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("environments/production.yaml", "kgot:\n  depth: 5\n");
        String head = c.commit("first");
        g.write("environments/production.yaml", "kgot:\n  depth: 6\n");
        g.git("add", "environments/production.yaml");

        RestoreResult r = roll(g.root(), Optional.empty());

        assertThat(r.nothingToCommit()).isTrue();
        assertThat(c.head()).isEqualTo(head);
        assertThat(g.git("status", "--porcelain")).isEmpty();
    }

    @Test
    void aRollbackThatChangesHeadStillCommitsAndSaysSo() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("environments/production.yaml", "kgot:\n  depth: 5\n");
        c.commit("first");
        g.write("environments/production.yaml", "kgot:\n  depth: 6\n");
        c.commit("second");

        RestoreResult r = roll(g.root(), Optional.empty());

        assertThat(r.newCommit()).isPresent();
        assertThat(r.nothingToCommit()).isFalse();
        assertThat(g.git("show", "HEAD:environments/production.yaml")).isEqualTo("kgot:\n  depth: 5\n");
    }

    /** A program that ignores the locks changed the file between the restore and the commit. */
    @Test
    void aCommitThatDoesNotHoldWhatWasRestoredIsUndoneAndReported() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("environments/production.yaml", "kgot:\n  depth: 5\n");
        String head = c.commit("first");
        g.write("environments/production.yaml", "kgot:\n  depth: 99 # written by another program\n");
        BackupContent restored = new BackupContent(Map.of("environments/production.yaml",
                "kgot:\n  depth: 7\n".getBytes(StandardCharsets.UTF_8)));
        Backup taken = new Backup("config-backup/environment/production/x", CLOCK.instant(), "before-rollback",
                Backup.Kind.GIT_TAG, List.of());

        assertThatThrownBy(() -> RestoreCommit.commit(g.root(),
                        List.of("environments/production.yaml"), restored, "rollback", options, taken))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
                    assertThat(e.problem()).contains("did not hold what the rollback restored in "
                            + "environments/production.yaml", "the commit was undone");
                    assertThat(e.hint()).contains(taken.id());
                });
        assertThat(c.head()).isEqualTo(head);
    }
}
