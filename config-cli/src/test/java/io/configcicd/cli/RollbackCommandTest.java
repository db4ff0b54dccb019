package io.configcicd.cli;

import static io.configcicd.cli.TestGit.commit;
import static io.configcicd.cli.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** rollback on a real git repository: undoing an uncommitted set, and rolling back beside another writer. */
class RollbackCommandTest {

    private static final String PRODUCTION = "configuration/environments/production.yaml";

    @TempDir
    Path tmp;

    private Path repo;
    private Path config;

    private void committedExamples() throws Exception {
        repo = tmp.resolve("repo");
        config = TestGit.committedExamples(repo);
    }

    @Test
    void rolling_back_an_uncommitted_set_restores_the_file_and_has_nothing_to_commit() throws Exception {
        committedExamples();
        String head = git(repo, "rev-parse", "HEAD");
        String before = Files.readString(repo.resolve(PRODUCTION));
        CliRun set = CliRun.in(config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "6");
        assertThat(set.exitCode()).as(set.err()).isZero();

        CliRun rollback = CliRun.in(config, "rollback", "--scope", "global", "--name", "production");

        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("restored environments/production.yaml")
                .contains("restored, nothing to commit").doesNotContain("committed ");
        assertThat(rollback.err()).isEmpty();
        assertThat(Files.readString(repo.resolve(PRODUCTION))).isEqualTo(before);
        assertThat(git(repo, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(git(repo, "status", "--porcelain")).isEmpty();
    }

    @Test
    void rolling_back_an_uncommitted_set_says_nothing_to_commit_in_json() throws Exception {
        committedExamples();
        CliRun.in(config, "set", "--scope", "global", "--name", "production", "--path", "kgot.reasoning_depth",
                "--value", "6");

        CliRun rollback = CliRun.in(config, "rollback", "--scope", "global", "--name", "production", "--format", "json");

        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(rollback.out());
        assertThat(json.path("new_commit").isNull()).isTrue();
        assertThat(json.path("nothing_to_commit").asBoolean()).isTrue();
    }

    /**
     * Another process runs {@code set} on the same file in a loop while this one rolls back 30 times, alternating
     * between two versions (so each rollback changes HEAD and commits): every rollback commit must hold exactly the
     * file of the version it restored, never the other writer's value.
     */
    @Test
    void every_rollback_commit_holds_what_it_restored_while_another_process_sets_values() throws Exception {
        committedExamples();
        String first = git(repo, "rev-parse", "HEAD").trim();
        Files.writeString(repo.resolve(PRODUCTION), Files.readString(repo.resolve(PRODUCTION))
                .replace("reasoning_depth: 4", "reasoning_depth: 5"));
        commit(repo, "deeper reasoning");
        String second = git(repo, "rev-parse", "HEAD").trim();
        Path stop = tmp.resolve("stop");
        Process writer = setLoop(stop);
        List<String> wrong = new ArrayList<>();
        int commits = 0;
        try {
            for (int i = 0; i < 30; i++) {
                String target = i % 2 == 0 ? first : second;
                CliRun r = CliRun.in(config, "rollback", "--scope", "environment", "--name", "production",
                        "--to-version", target, "--format", "json");
                assertThat(r.exitCode()).as(r.err()).isZero();
                JsonNode json = JsonMapper.shared().readTree(r.out());
                if (json.path("new_commit").isString()) {
                    commits++;
                    String made = json.path("new_commit").asString();
                    String committed = git(repo, "rev-parse", made + ":" + PRODUCTION).trim();
                    String restored = git(repo, "rev-parse", target + ":" + PRODUCTION).trim();
                    if (!committed.equals(restored)) {
                        wrong.add(made + " holds " + git(repo, "show", made + ":" + PRODUCTION).lines()
                                .filter(l -> l.contains("reasoning_depth")).findFirst().orElse("?"));
                    }
                }
            }
        } finally {
            Files.writeString(stop, "");
        }
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String[] counts = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        assertThat(Integer.parseInt(counts[1])).as("sets that succeeded beside the rollbacks").isGreaterThan(10);
        assertThat(commits).as("rollback commits").isGreaterThanOrEqualTo(25);
        assertThat(wrong).as("rollback commits that hold what the other writer set").isEmpty();
    }

    /** A child JVM that runs {@code set} of kgot.reasoning_depth in production in a loop until {@code stop} exists. */
    private Process setLoop(Path stop) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SetLoop.class.getName(), config.toString(), stop.toString(), "production", "kgot.reasoning_depth");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        Thread.sleep(1500); // let it start and take its first turns
        return p;
    }
}
