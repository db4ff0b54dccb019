package io.configcicd.core.deploy;

import io.configcicd.core.repo.git.GitWorkTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The commit a work-tree deploy records and whether the configuration directory has uncommitted changes, for the
 * record's {@code commit} and the protected-environment guardrail. A directory outside git has no commit and counts
 * as dirty: nothing says what it holds.
 *
 * @param head  the full id of HEAD; empty outside git or before the first commit
 * @param dirty why the directory is not what HEAD holds; empty when it is
 */
public record WorkTreeState(Optional<String> head, String dirty) {

    /** What the record's {@code commit} says: HEAD's id, with {@code -dirty} after it for uncommitted changes. */
    public String commit() {
        return head.map(h -> dirty.isEmpty() ? h : h + "-dirty").orElse("work-tree");
    }

    public static WorkTreeState of(Path configDir) {
        if (GitWorkTrees.workTreeOf(configDir).isEmpty()) {
            return new WorkTreeState(Optional.empty(), "the configuration directory is not in a git work tree");
        }
        try (Repository repo = GitWorkTrees.open(configDir, "deploy from a git work tree");
             Git git = Git.wrap(repo)) {
            ObjectId head = repo.resolve("HEAD");
            if (head == null) {
                return new WorkTreeState(Optional.empty(), "the repository has no commit yet");
            }
            String prefix = GitWorkTrees.pathInWorkTree(repo, configDir);
            var status = git.status();
            if (!prefix.isEmpty()) {
                status.addPath(prefix);
            }
            Status s = status.call();
            String state = (prefix.isEmpty() ? "" : prefix + "/") + io.configcicd.core.repo.ConfigDirectory.STATE_DIR + "/";
            // the product's own state (audit log, journal, backups, locks) is no change to the configuration, even
            // where a repository tracks it
            boolean clean = s.getUncommittedChanges().stream().allMatch(f -> f.startsWith(state))
                    && s.getUntracked().stream().allMatch(f -> f.startsWith(state));
            return new WorkTreeState(Optional.of(head.name()), clean ? ""
                    : "the configuration directory has uncommitted changes");
        } catch (IOException | GitAPIException e) {
            return new WorkTreeState(Optional.empty(), "git cannot tell whether it has uncommitted changes ("
                    + e.getMessage() + ")");
        }
    }
}
