package io.configcicd.core.history;

import io.configcicd.core.testing.GitRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Commits with a chosen author and date, so history order does not depend on how fast a test runs
 * (git dates have one-second resolution). Complements {@link GitRepo}.
 */
public final class Commits {

    private final GitRepo repo;
    private Instant clock = Instant.parse("2026-01-01T10:00:00Z");

    public Commits(GitRepo repo) {
        this.repo = repo;
    }

    /** The date the next commit gets: one minute after the previous one. */
    public Instant next() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    /** Stages everything and commits as {@code author <email>} one minute after the previous commit. */
    public String commit(String message, String author, String email) {
        repo.git("add", "-A");
        run("commit", "-q", "--allow-empty", "--author=" + author + " <" + email + ">", "-m", message);
        return repo.git("rev-parse", "HEAD").trim();
    }

    public String commit(String message) {
        return commit(message, "Test User", "test@example.com");
    }

    /** {@code git merge --no-ff} of a branch (which must merge cleanly) one minute after the previous commit. */
    public String merge(String branch, String message) {
        run("merge", "-q", "--no-ff", "-m", message, branch);
        return repo.git("rev-parse", "HEAD").trim();
    }

    /** Starts a merge that conflicts; the test then writes the resolution and calls {@link #commit}. */
    public void mergeWithConflict(String branch) {
        String out = run(false, "merge", "-q", "--no-ff", branch);
        if (!out.contains("CONFLICT")) {
            throw new IllegalStateException("expected a conflict merging " + branch + ": " + out);
        }
    }

    private String run(String... args) {
        return run(true, args);
    }

    /** Runs git with the next commit date as author and committer date; a non-zero exit fails when checked. */
    private String run(boolean check, String... args) {
        String date = next().toString();
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.root().toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_AUTHOR_DATE", date);
        pb.environment().put("GIT_COMMITTER_DATE", date);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 && check) {
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

    public GitRepo repo() {
        return repo;
    }

    public String head() {
        return repo.git("rev-parse", "HEAD").trim();
    }

    public Path root() {
        return repo.root();
    }
}
