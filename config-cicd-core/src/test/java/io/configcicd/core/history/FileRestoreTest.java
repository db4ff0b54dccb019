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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRestoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
    private static final String RULES = """
            rules:
              - {id: depth-limit, type: range, path: kgot.depth, max: 10}
            """;

    /** Production is protected: it needs authentication and encryption settings to pass the security policy. */
    private static final String SECURE = "security:\n  authentication:\n    enabled: true\n  encryption:\n    enabled: true\n";

    @TempDir
    Path tmp;

    private final RestoreOptions options = RestoreOptions.defaults().withClock(CLOCK);

    private Commits repo() {
        return repo("");
    }

    private Commits repo(String dir) {
        Commits c = new Commits(GitRepo.init(tmp.resolve("repo")));
        c.repo().write(dir + "global/security.yaml", SECURE);
        return c;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RestoreResult roll(Path dir, Scope scope, Optional<String> to, RestoreOptions opts) {
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            return new FileRestore(RestoreValidators.of(manager)).rollback(ConfigDirectory.open(dir, Codecs.standard(), Runnable::run), scope, "production",
                    to, opts);
        }
    }

    /** {@code git status --porcelain} without the product's state folder (its lock files: every write takes one). */
    private static String status(GitRepo g) {
        return g.git("status", "--porcelain").lines().filter(l -> !l.contains(".config-cicd/"))
                .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
    }

    private static String tags(Commits c) {
        return c.repo().git("tag", "--list", "config-backup/*");
    }

    @Test
    void rollsBackToTheVersionBeforeTheLastChangeAndCommitsOnlyThatFile() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("config-cicd.yaml", RULES).write("global/base.yaml", "kgot:\n  depth: 3\n")
                .write("environments/production.yaml", "kgot:\n  depth: 5\n");
        String first = c.commit("first");
        g.write("environments/production.yaml", "kgot:\n  depth: 7\n");
        String second = c.commit("second");
        g.write("README.md", "other configuration changed later\n");
        c.commit("docs");
        g.write("notes.txt", "untracked, must stay\n").write("README.md", "modified, must stay\n");

        RestoreResult r = roll(g.root(), Scope.ENVIRONMENT, Optional.empty(), options);

        String shortSecond = g.git("rev-parse", "--short", second).trim();
        assertThat(r.version()).isEqualTo(shortSecond + "^");
        assertThat(r.commitId()).isEqualTo(first);
        assertThat(r.filesWritten()).containsExactly("environments/production.yaml");
        assertThat(r.filesDeleted()).isEmpty();
        assertThat(read(g.root().resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 5\n");
        assertThat(r.newCommit()).contains(c.head());
        assertThat(g.git("log", "-1", "--format=%s").trim()).isEqualTo("config-cicd rollback of environment/production to "
                + shortSecond + "^ (" + g.git("rev-parse", "--short", first).trim() + ")");
        assertThat(g.git("show", "--name-only", "--format=", "HEAD").trim()).isEqualTo("environments/production.yaml");
        assertThat(g.git("log", "-1", "--format=%an <%ae>").trim()).isEqualTo("Test User <test@example.com>");
        assertThat(status(g)).isEqualTo(" M README.md\n?? notes.txt\n");
        assertThat(read(g.root().resolve("README.md"))).isEqualTo("modified, must stay\n");
        assertThat(r.backupTaken().id()).isEqualTo("config-backup/environment/production/20260506-070809-before-rollback");
        assertThat(g.git("show", r.backupTaken().id() + ":environments/production.yaml")).isEqualTo("kgot:\n  depth: 7\n");
    }

    @Test
    void otherStagedChangesStayStagedAndOutOfTheCommitAndTheAuthorIsThePrincipal() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("global/base.yaml", "a: 1\n").write("environments/production.yaml", "kgot:\n  depth: 5\n");
        c.commit("first");
        g.write("environments/production.yaml", "kgot:\n  depth: 6\n");
        c.commit("second");
        g.write("environments/staging.yaml", "b: 2\n");
        g.git("add", "environments/staging.yaml");

        RestoreResult r = roll(g.root(), Scope.ENVIRONMENT, Optional.empty(), options.withAuthor("Ann Ops", "ann@example.com"));

        assertThat(r.newCommit()).isPresent();
        assertThat(g.git("show", "--name-only", "--format=", "HEAD").trim()).isEqualTo("environments/production.yaml");
        assertThat(status(g)).isEqualTo("A  environments/staging.yaml\n");
        assertThat(g.git("log", "-1", "--format=%an <%ae>").trim()).isEqualTo("Ann Ops <ann@example.com>");
    }

    @Test
    void globalScopeRestoresGlobalFilesAndTheOverrideAtATagDeletingAddedAndRestoringDeletedFiles() throws IOException {
        Commits c = repo("conf/");
        GitRepo g = c.repo();
        g.write("conf/global/base.yaml", "kgot:\n  depth: 3\n").write("conf/global/old.yaml", "old: true\n")
                .write("conf/environments/production.yaml", "kgot:\n  depth: 5\n")
                .write("conf/environments/staging.yaml", "kgot:\n  depth: 1\n");
        c.commit("v1");
        g.git("tag", "v1.2.3");
        g.write("conf/global/base.yaml", "kgot:\n  depth: 4\n").write("conf/global/new.yaml", "new: true\n")
                .write("conf/environments/production.yaml", "kgot:\n  depth: 8\n")
                .write("conf/environments/staging.yaml", "kgot:\n  depth: 2\n");
        Files.delete(g.root().resolve("conf/global/old.yaml"));
        c.commit("v2");
        Path conf = g.root().resolve("conf");

        RestoreResult r = roll(conf, Scope.GLOBAL, Optional.of("v1.2.3"), options);

        assertThat(r.version()).isEqualTo("v1.2.3");
        assertThat(r.filesWritten()).containsExactly("environments/production.yaml", "global/base.yaml", "global/old.yaml");
        assertThat(r.filesDeleted()).containsExactly("global/new.yaml");
        assertThat(read(conf.resolve("global/base.yaml"))).isEqualTo("kgot:\n  depth: 3\n");
        assertThat(read(conf.resolve("global/old.yaml"))).isEqualTo("old: true\n");
        assertThat(conf.resolve("global/new.yaml")).doesNotExist();
        assertThat(read(conf.resolve("environments/staging.yaml"))).as("another environment").isEqualTo("kgot:\n  depth: 2\n");
        assertThat(status(g)).isEmpty();
        assertThat(g.git("show", "--name-status", "--format=", "HEAD")).contains("D\tconf/global/new.yaml", "A\tconf/global/old.yaml")
                .doesNotContain("staging");
        assertThat(g.git("log", "-1", "--format=%s").trim()).startsWith("config-cicd rollback of global/production to v1.2.3 (");
    }

    @Test
    void rollsBackToABackupTagOfUncommittedFiles() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("environments/production.yaml", "kgot:\n  depth: 5\n");
        c.commit("first");
        g.write("environments/production.yaml", "kgot:\n  depth: 6 # tried, never committed\n");
        Backup b = new ConfigBackup().create(g.root(), Scope.ENVIRONMENT, "production", "manual", CLOCK.instant());
        g.write("environments/production.yaml", "kgot:\n  depth: 9\n");
        c.commit("later");

        RestoreResult r = roll(g.root(), Scope.ENVIRONMENT, Optional.of(b.id()), options);

        assertThat(read(g.root().resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 6 # tried, never committed\n");
        assertThat(r.commitId()).isEqualTo(g.git("rev-parse", b.id() + "^{commit}").trim());
        assertThat(g.git("log", "-1", "--format=%s").trim()).startsWith("config-cicd rollback of environment/production to " + b.id());
    }

    @Test
    void withUncommittedChangesThePreviousVersionIsHead() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("environments/production.yaml", "kgot:\n  depth: 5\n");
        c.commit("first");
        g.write("environments/production.yaml", "kgot:\n  depth: 6\n");
        String head = c.commit("second");
        g.write("environments/production.yaml", "kgot:\n  depth: 7 # uncommitted\n");

        RestoreResult r = roll(g.root(), Scope.ENVIRONMENT, Optional.empty(), options.withCommit(false));

        assertThat(r.version()).isEqualTo("HEAD");
        assertThat(r.commitId()).isEqualTo(head);
        assertThat(read(g.root().resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 6\n");
        assertThat(r.newCommit()).isEmpty();
        assertThat(c.head()).isEqualTo(head);
        assertThat(status(g)).isEmpty();
        assertThat(g.git("show", r.backupTaken().id() + ":environments/production.yaml")).contains("depth: 7");
    }

    @Test
    void aRestoredStateThatFailsValidationIsRefusedAndNothingIsWrittenUnlessForced() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("config-cicd.yaml", RULES).write("environments/production.yaml", "kgot:\n  depth: 50\n");
        c.commit("too deep");
        g.write("environments/production.yaml", "kgot:\n  depth: 5\n");
        String head = c.commit("fixed");

        assertThatThrownBy(() -> roll(g.root(), Scope.ENVIRONMENT, Optional.empty(), options))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FINDINGS);
                    assertThat(e.getMessage()).contains("is refused", "depth-limit", "environments/production.yaml:2",
                            "kgot.depth", "--force");
                });
        assertThat(read(g.root().resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 5\n");
        assertThat(c.head()).isEqualTo(head);
        assertThat(tags(c)).as("no backup either").isEmpty();

        RestoreResult forced = roll(g.root(), Scope.ENVIRONMENT, Optional.empty(), options.withForce(true));

        assertThat(read(g.root().resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 50\n");
        assertThat(forced.findingsIgnored()).extracting(f -> f.ruleId()).containsExactly("depth-limit");
        assertThat(forced.newCommit()).isPresent();
    }

    @Test
    void restoredFilesThatDoNotParseAreRefusedEvenWhenForced() {
        Commits c = repo();
        GitRepo g = c.repo();
        g.write("environments/production.yaml", "kgot: [unclosed\n");
        c.commit("broken");
        g.write("environments/production.yaml", "kgot:\n  depth: 5\n");
        c.commit("fixed");

        assertThatThrownBy(() -> roll(g.root(), Scope.ENVIRONMENT, Optional.empty(), options.withForce(true)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("environments/production.yaml", "which the rollback would restore");
                });
        assertThat(read(g.root().resolve("environments/production.yaml"))).isEqualTo("kgot:\n  depth: 5\n");
    }

    @Test
    void aConfigurationWhoseOnlyCommitIsTheFirstHasNoPreviousVersion() {
        Commits c = repo();
        c.repo().write("environments/production.yaml", "a: 1\n");
        c.commit("only");

        assertThatThrownBy(() -> roll(c.root(), Scope.ENVIRONMENT, Optional.empty(), options))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("no previous version of environment/production", "first committed");
                });
    }

    @Test
    void anUnknownRevisionIsBadInput() {
        Commits c = repo();
        c.repo().write("environments/production.yaml", "a: 1\n");
        c.commit("only");

        assertThatThrownBy(() -> roll(c.root(), Scope.ENVIRONMENT, Optional.of("no-such-tag"), options))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("unknown revision 'no-such-tag'");
                });
    }

    @Test
    void aWellFormedCommitIdThatIsNotInTheRepositoryIsAnUnknownRevisionNotAGitFailure() {
        Commits c = repo();
        c.repo().write("environments/production.yaml", "a: 1\n");
        c.commit("only");
        String missing = "6843f6a1234567890123456789012345678901ab";

        assertThatThrownBy(() -> roll(c.root(), Scope.ENVIRONMENT, Optional.of(missing), options))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).startsWith("unknown revision '" + missing + "'");
                });
        assertThat(status(c.repo())).isEmpty();
    }

    /** Production at {@code a: 1}, then {@code a: 2}, cloned with {@code git clone --depth}. */
    private GitRepo twoVersionsCloned(int depth) {
        Commits c = repo();
        c.repo().write("environments/production.yaml", "a: 1\n");
        c.commit("first");
        c.repo().write("environments/production.yaml", "a: 2\n");
        c.commit("second");
        return c.repo().shallowClone(tmp.resolve("shallow"), depth);
    }

    @Test
    void inAShallowCloneThePreviousVersionIsNotNothingButHistoryToFetch() {
        GitRepo shallow = twoVersionsCloned(1);

        for (Scope scope : Scope.values()) {
            assertThatThrownBy(() -> roll(shallow.root(), scope, Optional.empty(), options)).as(scope.word())
                    .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                        assertThat(e.problem()).contains("is not in this clone").contains("shallow clone")
                                .doesNotContain("nothing came before");
                        assertThat(e.hint()).contains("fetch-depth: 0").contains("git fetch --unshallow");
                    });
        }
        assertThat(read(shallow.root().resolve("environments/production.yaml"))).isEqualTo("a: 2\n");
        assertThat(status(shallow)).isEmpty();
    }

    @Test
    void inADepthTwoCloneThePreviousVersionIsTheParent() {
        GitRepo shallow = twoVersionsCloned(2);

        RestoreResult r = roll(shallow.root(), Scope.ENVIRONMENT, Optional.empty(), options.withCommit(false));

        assertThat(r.filesWritten()).containsExactly("environments/production.yaml");
        assertThat(read(shallow.root().resolve("environments/production.yaml"))).isEqualTo("a: 1\n");
    }
}
