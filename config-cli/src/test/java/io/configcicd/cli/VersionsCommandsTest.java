package io.configcicd.cli;

import static io.configcicd.cli.TestGit.commit;
import static io.configcicd.cli.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history, diff, backup and rollback on a real git repository, as a user runs them after a bad change. */
class VersionsCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void a_change_is_seen_in_history_and_diff_and_rolled_back_with_a_commit() throws Exception {
        Path repo = tmp.resolve("repo");
        Path config = CliRun.copyOfExamples(repo);
        Files.writeString(repo.resolve(".gitignore"), ".config-cicd/\n");
        git(repo, "init", "-q", "-b", "main");
        commit(repo, "initial configuration");

        CliRun set = CliRun.in(config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "6");
        assertThat(set.exitCode()).as(set.err()).isZero();
        commit(repo, "deeper reasoning in production");

        CliRun history = CliRun.in(config, "history", "--scope", "global", "--name", "production");
        CliRun diff = CliRun.in(config, "diff", "--scope", "global", "--name", "production", "--version", "HEAD~1");
        CliRun compare = CliRun.in(config, "diff", "--scope", "global", "--name", "staging", "--compare", "production");
        assertThat(history.out()).contains("deeper reasoning in production").contains("~ kgot.reasoning_depth: 4 -> 6")
                .contains("initial configuration");
        assertThat(history.out().indexOf("deeper")).isLessThan(history.out().indexOf("initial"));
        assertThat(diff.out()).contains("~ kgot.reasoning_depth: 4 -> 6  (configuration/environments/production.yaml:5:20 -> configuration/environments/production.yaml:5:20)")
                .contains("+0 -0 ~1");
        assertThat(compare.out()).contains("kgot.reasoning_depth").contains("from staging to production");

        CliRun rollback = CliRun.in(config, "rollback", "--scope", "global", "--name", "production");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("restored environments/production.yaml").contains("committed");
        assertThat(Files.readString(config.resolve("environments/production.yaml"))).contains("reasoning_depth: 4");
        assertThat(git(repo, "log", "-1", "--format=%s")).contains("rollback of global/production");
        assertThat(git(repo, "status", "--porcelain")).isEmpty();

        CliRun backups = CliRun.in(config, "backup", "--scope", "global", "--name", "production", "--list");
        assertThat(backups.out()).contains("config-backup/global/production/").contains("before-set")
                .contains("before-rollback");
        String audit = Files.readString(config.resolve(".config-cicd/audit/audit.jsonl"));
        assertThat(audit).contains("\"command\":\"rollback\"").contains("\"command\":\"set\"");
    }

    @Test
    void outside_git_history_says_what_it_cannot_do_and_rollback_uses_backups() throws Exception {
        Path config = CliRun.copyOfExamples(tmp);
        assertThat(CliRun.in(config, "history", "--scope", "global", "--name", "production").out())
                .isEqualTo("no commits changed this configuration\n");

        assertThat(CliRun.in(config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "7").exitCode()).isZero();
        assertThat(CliRun.in(config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "8").exitCode()).isZero();
        CliRun history = CliRun.in(config, "history", "--scope", "global", "--name", "production");
        assertThat(history.err()).contains("not in a git repository").contains("backups");
        assertThat(history.out()).contains("before-set").contains("~ kgot.reasoning_depth: 4 -> 7");
        CliRun rollback = CliRun.in(config, "rollback", "--scope", "global", "--name", "production");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(Files.readString(config.resolve("environments/production.yaml"))).contains("reasoning_depth: 7");
    }
}
