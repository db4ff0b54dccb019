package io.configcicd.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository driven through the git command line, as a user's clone would be. */
public final class GitRepo {

    private final Path root;

    private GitRepo(Path root) {
        this.root = root;
    }

    /** {@code git init} in {@code dir}, with a local identity so commits work on any machine. */
    public static GitRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        GitRepo repo = new GitRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.name", "Test User");
        repo.git("config", "user.email", "test@example.com");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    public Path root() {
        return root;
    }

    /** Writes a file (parents created), relative to the repository root. */
    public GitRepo write(String relative, String text) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stages everything and commits; returns the new commit id. */
    public String commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return git("rev-parse", "HEAD").trim();
    }

    /**
     * A shallow clone of this repository in {@code dir} ({@code git clone --depth N file://...}, as
     * {@code actions/checkout} makes one with its default {@code fetch-depth: 1}; works offline).
     */
    public GitRepo shallowClone(Path dir, int depth) {
        GitRepo clone = new GitRepo(dir);
        git("clone", "-q", "--depth", String.valueOf(depth), root.toUri().toString(), dir.toAbsolutePath().toString());
        clone.git("config", "user.name", "Test User");
        clone.git("config", "user.email", "test@example.com");
        clone.git("config", "commit.gpgsign", "false");
        return clone;
    }

    /** Runs git in the repository and returns its standard output; a non-zero exit fails the test. */
    public String git(String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
