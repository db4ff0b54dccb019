package io.configcicd.core.repo.git;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * One file of a configuration directory as a git revision holds it, read from git's objects (no checkout): what
 * the work tree shows may differ, and the revision cannot be edited by whoever edits the work tree. Only the
 * revision's own commit is needed, so a shallow clone that fetched it works.
 */
public final class CommittedFiles {

    private CommittedFiles() {
    }

    /** A file at a revision: the commit it was read from and its bytes, empty when the revision has no such file. */
    public record Committed(String commitId, Optional<byte[]> content) {
    }

    /**
     * Reads {@code relative} (a name in the configuration directory, such as {@code config-cicd.yaml}) at
     * {@code revision}, the directory being where {@code configDir} is in the work tree.
     *
     * @param what what the revision is for, for messages: {@code "the policy ref"}
     * @param hint what to do when the revision is not in the clone
     * @throws ConfigCicdException bad input when the directory is in no git work tree or the revision names no commit
     *                             of the clone; external when git's objects cannot be read
     */
    public static Committed read(Path configDir, String revision, String relative, String what, String hint) {
        try (Repository repo = GitWorkTrees.open(configDir, what + " '" + revision + "' is read from git: "
                + "keep the configuration directory in a git clone, or do not set " + what)) {
            Optional<ObjectId> id = GitRevisions.find(repo, revision);
            if (id.isEmpty()) {
                ConfigCicdException unknown = GitRevisions.unknown(repo, revision, hint);
                throw ConfigCicdException.badInput(what + ": " + unknown.problem(), unknown.hint());
            }
            String prefix = GitWorkTrees.pathInWorkTree(repo, configDir);
            String path = prefix.isEmpty() ? relative : prefix + "/" + relative;
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit commit = walk.parseCommit(id.get());
                try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
                    if (tree == null || !tree.getFileMode(0).equals(org.eclipse.jgit.lib.FileMode.REGULAR_FILE)
                            && !tree.getFileMode(0).equals(org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE)) {
                        return new Committed(commit.name(), Optional.empty());
                    }
                    byte[] bytes = repo.open(tree.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
                    return new Committed(commit.name(), Optional.of(bytes));
                }
            }
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot read " + relative + " at " + what + " '" + revision + "': "
                    + e.getMessage(), "check that the git repository is readable", e);
        }
    }
}
