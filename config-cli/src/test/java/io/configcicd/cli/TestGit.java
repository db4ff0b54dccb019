package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The git command line for tests on real repositories, with a fixed identity so commits work on any machine. */
final class TestGit {

    private TestGit() {
    }

    /** Stages everything in {@code repo} and commits it. */
    static void commit(Path repo, String message) throws Exception {
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", message);
    }

    /** Runs git in {@code dir} and returns its output; a non-zero exit fails the test. */
    static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_COMMITTER_NAME", "Dev");
        pb.environment().put("GIT_COMMITTER_EMAIL", "dev@example.com");
        pb.environment().put("GIT_AUTHOR_NAME", "Dev");
        pb.environment().put("GIT_AUTHOR_EMAIL", "dev@example.com");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
