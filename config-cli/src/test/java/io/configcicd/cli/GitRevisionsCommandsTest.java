package io.configcicd.cli;

import static io.configcicd.cli.TestGit.commit;
import static io.configcicd.cli.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revisions as users give them to every command that takes one, and shallow clones (what {@code actions/checkout}
 * makes by default), on real git repositories: bad input (exit 2) with a hint, never a git failure or an
 * assessment against nothing.
 */
class GitRevisionsCommandsTest {

    private static final String NOT_IN_REPOSITORY = "6843f6a1234567890123456789012345678901ab";

    @TempDir
    Path tmp;

    private Path repo;
    private Path config;

    /** The examples committed (tagged v1), then one port changed in a second commit. */
    @BeforeEach
    void twoCommits() throws Exception {
        repo = tmp.resolve("repo");
        config = CliRun.copyOfExamples(repo);
        Files.writeString(repo.resolve(".gitignore"), ".config-cicd/\n");
        git(repo, "init", "-q", "-b", "main");
        commit(repo, "initial configuration");
        git(repo, "tag", "v1");
        Path base = config.resolve("global/base.yaml");
        String text = Files.readString(base);
        assertThat(text).contains("port: 8080");
        Files.writeString(base, text.replaceFirst("port: 8080", "port: 8090"));
        commit(repo, "the port moves");
    }

    private Path shallowClone(int depth) throws Exception {
        Path clone = tmp.resolve("shallow-" + depth);
        git(tmp, "clone", "-q", "--depth", String.valueOf(depth), repo.toUri().toString(), clone.toString());
        return clone.resolve("configuration");
    }

    private static void assertUnknownRevision(CliRun run, String revision) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("unknown revision '" + revision + "'").doesNotContain("cannot read the git repository")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aWellFormedIdOfNoCommitIsAnUnknownRevisionForEveryCommandThatTakesARevision() {
        String[][] commands = {
                {"rollback", "--scope", "global", "--name", "production", "--to-version", NOT_IN_REPOSITORY},
                {"diff", "--scope", "global", "--name", "production", "--version", NOT_IN_REPOSITORY},
                {"assess", "--environment", "production", "--commit-hash", NOT_IN_REPOSITORY},
                {"assess", "--environment", "production", "--base", NOT_IN_REPOSITORY},
                {"validate", "--commit-hash", NOT_IN_REPOSITORY},
                {"validate", "--branch", NOT_IN_REPOSITORY},
        };
        for (String[] command : commands) {
            assertUnknownRevision(CliRun.in(config, command), NOT_IN_REPOSITORY);
        }
    }

    @Test
    void anUnknownAbbreviationTagOrBranchIsAnUnknownRevisionEverywhere() {
        for (String revision : new String[] {"6843f6a", "v9", "no-such-branch"}) {
            assertUnknownRevision(CliRun.in(config, "rollback", "--scope", "global", "--name", "production",
                    "--to-version", revision), revision);
            assertUnknownRevision(CliRun.in(config, "diff", "--scope", "global", "--name", "production", "--version",
                    revision), revision);
            assertUnknownRevision(CliRun.in(config, "assess", "--environment", "production", "--base", revision), revision);
            assertUnknownRevision(CliRun.in(config, "validate", "--commit-hash", revision), revision);
        }
    }

    @Test
    void aTagABranchAndAnAbbreviatedIdAreResolvedByEveryCommand() throws Exception {
        String first = git(repo, "rev-parse", "v1").trim();
        git(repo, "branch", "before-port", first);
        for (String revision : new String[] {"v1", "before-port", first.substring(0, 10)}) {
            CliRun diff = CliRun.in(config, "diff", "--scope", "global", "--name", "production", "--version", revision);
            CliRun assess = CliRun.in(config, "assess", "--environment", "production", "--base", revision);
            CliRun validate = CliRun.in(config, "validate", "--commit-hash", revision);
            assertThat(diff.exitCode()).as(diff.err()).isZero();
            assertThat(diff.out()).contains("services.manager_agent.port").contains("8080 -> 8090");
            assertThat(assess.exitCode()).as(assess.err()).isZero();
            assertThat(assess.out()).contains("services.manager_agent.port");
            assertThat(validate.exitCode()).as(validate.err()).isIn(0, 1);
        }
    }

    @Test
    void inADepthOneCloneAssessRefusesToRateAgainstNothingAndSaysToFetchHistory() throws Exception {
        Path shallow = shallowClone(1);

        CliRun assess = CliRun.in(shallow, "assess", "--environment", "production");

        assertThat(assess.exitCode()).as(assess.out() + assess.err()).isEqualTo(2);
        assertThat(assess.out()).doesNotContain("CRITICAL").doesNotContain("000000000000");
        assertThat(assess.err()).contains("is not in this clone").contains("shallow clone")
                .contains("fetch-depth: 0").contains("git fetch --unshallow").doesNotContain("\tat ");
    }

    @Test
    void inADepthTwoCloneAssessRatesTheOnePortChange() throws Exception {
        Path shallow = shallowClone(2);

        CliRun assess = CliRun.in(shallow, "assess", "--environment", "production", "--format", "json");

        assertThat(assess.exitCode()).as(assess.err()).isZero();
        assertThat(assess.out()).contains("\"path\" : \"services.manager_agent.port\"").doesNotContain("\"type\" : \"added\"");
    }

    @Test
    void inADepthOneCloneRollbackSaysTheHistoryIsMissingNotThatNothingCameBefore() throws Exception {
        Path shallow = shallowClone(1);

        CliRun rollback = CliRun.in(shallow, "rollback", "--scope", "global", "--name", "production");

        assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(2);
        assertThat(rollback.err()).contains("shallow clone").contains("git fetch --unshallow")
                .doesNotContain("nothing came before");
        assertThat(Files.readString(shallow.resolve("global/base.yaml"))).contains("port: 8081");
    }

    @Test
    void inADepthOneCloneHistorySaysItIsCutOffInsteadOfShowingEveryKeyAdded() throws Exception {
        Path shallow = shallowClone(1);

        CliRun text = CliRun.in(shallow, "history", "--scope", "global", "--name", "production");
        CliRun json = CliRun.in(shallow, "history", "--scope", "global", "--name", "production", "--format", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.err()).contains("note: the history is cut off at").contains("shallow clone")
                .contains("git fetch --unshallow");
        assertThat(text.out()).contains("the port moves").contains("history cut off").doesNotContain("+ services");
        assertThat(json.out()).contains("\"history_cut_off\": true").contains("\"changes\": [ ]");
    }
}
