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

    /**
     * A git repository in {@code repo} whose first commit holds a copy of examples/configuration (in
     * {@code configuration/}) and a {@code .gitignore} of the product's state folder; returns the configuration
     * directory. The repository has its own identity, so the product's commits work on any machine.
     */
    static Path committedExamples(Path repo) throws Exception {
        Path config = CliRun.copyOfExamples(repo);
        java.nio.file.Files.writeString(repo.resolve(".gitignore"), ".config-cicd/\n");
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.name", "Dev");
        git(repo, "config", "user.email", "dev@example.com");
        git(repo, "config", "commit.gpgsign", "false");
        commit(repo, "initial configuration");
        return config;
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
