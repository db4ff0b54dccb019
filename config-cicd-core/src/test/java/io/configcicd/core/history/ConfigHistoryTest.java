package io.configcicd.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.diff.Change;
import io.configcicd.core.security.crypto.SecretChange;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Scope;
import io.configcicd.core.testing.GitRepo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigHistoryTest {

    @TempDir
    Path tmp;

    private final ConfigHistory history = new ConfigHistory();

    private static List<String> messages(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::message).toList();
    }

    private static List<String> changes(HistoryEntry e) {
        return e.changes().stream().map(c -> c.path() + " " + c.type() + " " + value(c.before()) + "->" + value(c.after()))
                .toList();
    }

    private static String value(Optional<ConfigNode> n) {
        return n.map(v -> String.valueOf(v.toPlain())).orElse("_");
    }

    /** Four commits on production's files, and one on other files only. */
    private Commits fourCommits(String dir) {
        Commits c = new Commits(GitRepo.init(tmp.resolve("repo")));
        GitRepo repo = c.repo();
        repo.write(dir + "global/base.yaml", "kgot:\n  depth: 3\n  ttl: 60\nlog: info\n")
                .write(dir + "environments/production.yaml", "kgot:\n  depth: 5\n");
        c.commit("Initial configuration\n\nWith a body that is not the first line.", "Alice", "alice@example.com");
        repo.write(dir + "environments/production.yaml", "kgot:\n  depth: 7\n");
        c.commit("Deeper reasoning in production", "Bob", "bob@example.com");
        repo.write("README.md", "docs\n").write(dir + "environments/staging.yaml", "log: debug\n");
        c.commit("Docs and staging only");
        repo.write(dir + "global/base.yaml", "kgot:\n  depth: 3\n  ttl: 120\nlog: info\n");
        c.commit("Longer cache", "Carol", "carol@example.com");
        return c;
    }

    @Test
    void listsTheCommitsThatChangedTheEffectiveConfigurationNewestFirstWithAuthorDateMessageAndChanges() {
        Commits c = fourCommits("");
        Path dir = c.root();

        List<HistoryEntry> entries = history.history(dir, Scope.GLOBAL, "production", 0);

        assertThat(messages(entries)).containsExactly("Longer cache", "Deeper reasoning in production", "Initial configuration");
        HistoryEntry newest = entries.get(0);
        assertThat(newest.author()).isEqualTo("Carol");
        assertThat(newest.email()).isEqualTo("carol@example.com");
        assertThat(newest.time()).isEqualTo(Instant.parse("2026-01-01T10:04:00Z"));
        assertThat(newest.commitId()).isEqualTo(c.head());
        assertThat(newest.commitId()).startsWith(newest.shortId());
        assertThat(newest.shortId()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(changes(newest)).containsExactly("kgot.ttl MODIFIED 60->120");
        assertThat(newest.changes().get(0).afterOrigin().orElseThrow().file()).isEqualTo("global/base.yaml");
        assertThat(changes(entries.get(1))).containsExactly("kgot.depth MODIFIED 5->7");
        assertThat(entries.get(1).changes().get(0).afterOrigin().orElseThrow().file()).isEqualTo("environments/production.yaml");
        assertThat(changes(entries.get(2))).containsExactly("kgot.depth ADDED _->5", "kgot.ttl ADDED _->60", "log ADDED _->info");
        assertThat(entries.get(2).summary().added()).isEqualTo(3);
    }

    @Test
    void environmentScopeListsOnlyCommitsOfTheOverrideDocumentWithItsOwnChanges() {
        Commits c = fourCommits("");

        List<HistoryEntry> entries = history.history(c.root(), Scope.ENVIRONMENT, "production", 0);
        List<HistoryEntry> staging = history.history(c.root(), Scope.ENVIRONMENT, "staging", 0);

        assertThat(messages(entries)).containsExactly("Deeper reasoning in production", "Initial configuration");
        assertThat(changes(entries.get(1))).containsExactly("kgot.depth ADDED _->5");
        assertThat(messages(staging)).containsExactly("Docs and staging only");
    }

    @Test
    void aSecretOfAnyRevisionReadIsMaskedInEveryEntryEvenWhereAnotherCommitCopiedItUnderAnOrdinaryKey() {
        String old = "old-Secret-Pa55";
        String oldBase64 = java.util.Base64.getEncoder().encodeToString(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Commits c = new Commits(GitRepo.init(tmp.resolve("repo")));
        GitRepo repo = c.repo();
        repo.write("global/base.yaml", "db:\n  password: " + old + "\n  conn: postgres://admin:" + old + "@db/app\n")
                .write("environments/production.yaml", "port: 1\n");
        c.commit("Initial");
        repo.write("global/base.yaml", "db:\n  password: new-Secret-Pa66\n  conn: postgres://admin:new-Secret-Pa66@db/app\n");
        c.commit("Rotate " + old);
        repo.write("environments/production.yaml", "port: 2\n");
        c.commit("Port");
        repo.write("environments/production.yaml", "port: 2\nlegacy: " + old + "\nlegacy_b64: " + oldBase64 + "\n");
        c.commit("Keep the old one around");

        List<HistoryEntry> entries = history.history(c.root(), Scope.GLOBAL, "production", 0);

        assertThat(messages(entries)).containsExactly("Keep the old one around", "Port", "Rotate ******", "Initial");
        assertThat(changes(entries.get(0))).containsExactly("legacy ADDED _->******", "legacy_b64 ADDED _->******");
        assertThat(changes(entries.get(2))).containsExactly(
                "db.conn MODIFIED postgres://admin:******@db/app->postgres://admin:******@db/app",
                "db.password MODIFIED _->_");
        assertThat(entries.get(2).changes().get(0).secret()).contains(SecretChange.ROTATED);
        assertThat(entries.toString()).doesNotContain(old).doesNotContain(oldBase64).doesNotContain("new-Secret-Pa66");
    }

    @Test
    void limitKeepsTheNewestEntries() {
        Commits c = fourCommits("");

        assertThat(messages(history.history(c.root(), Scope.GLOBAL, "production", 2)))
                .containsExactly("Longer cache", "Deeper reasoning in production");
    }

    @Test
    void aBaseChangeThatTheEnvironmentOverridesIsNoEffectiveChangeButAnEnvironmentEditWithoutKeyChangesIsListed() {
        Commits c = fourCommits("");
        GitRepo repo = c.repo();
        repo.write("global/base.yaml", "kgot:\n  depth: 4\n  ttl: 120\nlog: info\n");
        c.commit("Base depth that production overrides");
        repo.write("environments/production.yaml", "# reviewed\nkgot:\n  depth: 7\n");
        c.commit("Comment only");

        List<HistoryEntry> global = history.history(c.root(), Scope.GLOBAL, "production", 0);
        List<HistoryEntry> env = history.history(c.root(), Scope.ENVIRONMENT, "production", 0);
        List<HistoryEntry> staging = history.history(c.root(), Scope.GLOBAL, "staging", 1);

        assertThat(messages(global)).containsExactly("Longer cache", "Deeper reasoning in production", "Initial configuration");
        assertThat(messages(env)).containsExactly("Comment only", "Deeper reasoning in production", "Initial configuration");
        assertThat(env.get(0).changes()).isEmpty();
        assertThat(messages(staging)).containsExactly("Base depth that production overrides");
        assertThat(changes(staging.get(0))).containsExactly("kgot.depth MODIFIED 3->4");
    }

    @Test
    void aRenamedBaseDocumentWithTheSameContentIsNoEffectiveChangeAndHistoryGoesOnBeyondIt() {
        Commits c = fourCommits("");
        GitRepo repo = c.repo();
        repo.git("mv", "global/base.yaml", "global/00-base.yaml");
        c.commit("Rename base");
        repo.write("global/00-base.yaml", "kgot:\n  depth: 3\n  ttl: 120\nlog: warn\n");
        c.commit("Quieter logs");

        List<HistoryEntry> entries = history.history(c.root(), Scope.GLOBAL, "production", 0);

        assertThat(messages(entries)).containsExactly("Quieter logs", "Longer cache", "Deeper reasoning in production",
                "Initial configuration");
        assertThat(changes(entries.get(0))).containsExactly("log MODIFIED info->warn");
        assertThat(entries.get(0).changes().get(0).beforeOrigin().orElseThrow().file()).isEqualTo("global/00-base.yaml");
    }

    @Test
    void aCleanMergeIsNotListedAgainAndAMergeThatResolvedAConflictListsItsOwnChange() {
        Commits c = new Commits(GitRepo.init(tmp.resolve("repo")));
        GitRepo repo = c.repo();
        repo.write("global/base.yaml", "a: 1\nb: 1\n").write("environments/production.yaml", "c: 1\n");
        c.commit("Root");
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("environments/production.yaml", "c: 2\n");
        c.commit("Feature sets c");
        repo.git("checkout", "-q", "main");
        repo.write("global/base.yaml", "a: 2\nb: 1\n");
        c.commit("Main sets a");
        c.merge("feature", "Merge feature");
        repo.git("checkout", "-q", "-b", "other");
        repo.write("global/base.yaml", "a: 2\nb: 3\n");
        c.commit("Other sets b to 3");
        repo.git("checkout", "-q", "main");
        repo.write("global/base.yaml", "a: 2\nb: 4\n");
        c.commit("Main sets b to 4");
        c.mergeWithConflict("other");
        repo.write("global/base.yaml", "a: 2\nb: 5\n");
        c.commit("Merge other, b is 5");

        List<HistoryEntry> entries = history.history(c.root(), Scope.GLOBAL, "production", 0);

        assertThat(messages(entries)).containsExactly("Merge other, b is 5", "Main sets b to 4", "Other sets b to 3",
                "Main sets a", "Feature sets c", "Root");
        assertThat(changes(entries.get(0))).containsExactly("b MODIFIED 4->5");
        assertThat(changes(entries.get(2))).containsExactly("b MODIFIED 1->3");
        assertThat(changes(entries.get(4))).containsExactly("c MODIFIED 1->2");
    }

    @Test
    void aConfigurationDirectoryInASubdirectoryOfTheRepositoryHasItsOwnHistory() {
        Commits c = fourCommits("deploy/configuration/");
        GitRepo repo = c.repo();
        repo.write("global/base.yaml", "kgot: {ttl: 999}\n");
        c.commit("A base document outside the configuration directory");

        List<HistoryEntry> entries = history.history(c.root().resolve("deploy/configuration"), Scope.GLOBAL, "production", 0);

        assertThat(messages(entries)).containsExactly("Longer cache", "Deeper reasoning in production", "Initial configuration");
        assertThat(entries.get(0).changes().get(0).afterOrigin().orElseThrow().file()).isEqualTo("global/base.yaml");
    }

    @Test
    void secretsInHistoryAreReportedWithoutTheirValues() {
        Commits c = new Commits(GitRepo.init(tmp.resolve("repo")));
        GitRepo repo = c.repo();
        repo.write("global/base.yaml", "db:\n  password: first-secret-1\n")
                .write("config-cicd.yaml", "secrets:\n  keys: [password, signing_seed]\n")
                .write("environments/production.yaml", "signing_seed: seed-value-2\n");
        c.commit("Root");
        repo.write("global/base.yaml", "db:\n  password: second-secret-3\n")
                .write("environments/production.yaml", "signing_seed: seed-value-4\n");
        c.commit("Rotate");

        HistoryEntry rotate = history.history(c.root(), Scope.GLOBAL, "production", 1).get(0);

        assertThat(rotate.changes()).extracting(Change::secret)
                .containsExactly(Optional.of(SecretChange.ROTATED), Optional.of(SecretChange.ROTATED));
        assertThat(rotate.changes()).allMatch(ch -> ch.before().isEmpty() && ch.after().isEmpty());
        assertThat(rotate.toString()).doesNotContain("secret-", "seed-value");
    }

    @Test
    void aDirectoryOutsideGitIsBadInputThatSaysHistoryNeedsGit() {
        Path dir = tmp.resolve("plain");
        new java.io.File(dir.resolve("environments").toString()).mkdirs();

        assertThatThrownBy(() -> history.history(dir, Scope.GLOBAL, "production", 0))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).contains("not inside a git repository");
                    assertThat(e.hint()).contains("git").contains("backup");
                });
    }

    @Test
    void anEnvironmentThatNeverExistedIsBadInputWhileADeletedOneKeepsItsHistory() {
        Commits c = fourCommits("");
        GitRepo repo = c.repo();
        repo.git("rm", "-q", "environments/staging.yaml");
        c.commit("Drop staging");

        assertThatThrownBy(() -> history.history(c.root(), Scope.GLOBAL, "prodution", 0))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).contains("prodution");
                    assertThat(e.hint()).contains("production");
                });
        assertThat(messages(history.history(c.root(), Scope.ENVIRONMENT, "staging", 0)))
                .containsExactly("Drop staging", "Docs and staging only");
    }

    @Test
    void inAShallowCloneTheBoundaryCommitIsMarkedAsTheCutOffWithNoChangesInsteadOfAddingEverything() {
        Commits c = fourCommits("");
        GitRepo shallow = c.repo().shallowClone(tmp.resolve("shallow"), 1);

        List<HistoryEntry> global = history.history(shallow.root(), Scope.GLOBAL, "production", 0);
        List<HistoryEntry> override = history.history(shallow.root(), Scope.ENVIRONMENT, "production", 0);

        for (List<HistoryEntry> entries : List.of(global, override)) {
            assertThat(messages(entries)).containsExactly("Longer cache");
            assertThat(entries.get(0).historyCutOff()).isTrue();
            assertThat(entries.get(0).changes()).isEmpty();
        }
    }

    @Test
    void inADeeperShallowCloneTheCommitsAfterTheBoundaryKeepTheirChanges() {
        Commits c = fourCommits("");
        GitRepo shallow = c.repo().shallowClone(tmp.resolve("shallow"), 3);

        List<HistoryEntry> entries = history.history(shallow.root(), Scope.GLOBAL, "production", 0);

        assertThat(messages(entries)).containsExactly("Longer cache", "Deeper reasoning in production");
        assertThat(entries.get(0).historyCutOff()).isFalse();
        assertThat(changes(entries.get(0))).containsExactly("kgot.ttl MODIFIED 60->120");
        assertThat(entries.get(1).historyCutOff()).isTrue();
        assertThat(entries.get(1).changes()).isEmpty();
    }

    @Test
    void aCompleteCloneHasNoCutOff() {
        Commits c = fourCommits("");

        assertThat(history.history(c.root(), Scope.GLOBAL, "production", 0)).noneMatch(HistoryEntry::historyCutOff);
    }
}
