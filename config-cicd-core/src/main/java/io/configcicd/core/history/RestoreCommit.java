package io.configcicd.core.history;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Commits the files a rollback changed, and only them ({@code git commit --only -- files}): changes staged for
 * other files stay staged and out of the commit; the index entries of the rolled-back files are updated. The
 * caller holds the files' locks, so no config-cicd writer can change them between the restore and the commit.
 *
 * <ul>
 *   <li>When the restored files are exactly those of HEAD (the rollback undid uncommitted changes), there is
 *       nothing to commit: their index entries are updated (a staged copy of the undone change is unstaged too)
 *       and no commit is made.</li>
 *   <li>When a restored file would write a plaintext secret into git that git does not hold (a copy backup taken
 *       before a secret was ever committed), nothing is staged or committed: the product never writes such a
 *       secret into a git object. The files stay restored on disk and the outcome says where the secrets are.</li>
 *   <li>After the commit, its tree is checked against what was restored: each file holds the restored bytes
 *       (as {@code core.autocrlf} would store them), each deleted file is absent. A program that ignores the locks
 *       and changed a file meanwhile would otherwise put its change under the rollback's message: the commit is
 *       then undone (the branch is moved back to its parent, if nothing moved it since) and the error says
 *       which file differed.</li>
 * </ul>
 */
final class RestoreCommit {

    private RestoreCommit() {
    }

    /**
     * What committing gave.
     *
     * @param commit          the new commit's full id, when one was made
     * @param nothingToCommit the files are those of HEAD: nothing to commit
     * @param keptOutOfGit    where the restored files write a plaintext secret that git does not hold
     *                        ({@link PlaintextSecrets}): then nothing is staged or committed
     */
    record Outcome(Optional<String> commit, boolean nothingToCommit, List<String> keptOutOfGit) {

        Outcome {
            keptOutOfGit = List.copyOf(keptOutOfGit);
        }
    }

    /**
     * Commits {@code files} (relative to the configuration directory) as restored from {@code restored}.
     *
     * @throws ConfigCicdException external when git fails or the commit does not hold what was restored
     */
    static Outcome commit(Path root, List<String> files, BackupContent restored, String message,
                          RestoreOptions options, Backup taken) {
        Instant now = options.clock().instant();
        try (BackupGit git = BackupGit.open(root); Git porcelain = Git.wrap(git.repository())) {
            Optional<RevCommit> head = git.head();
            List<String> secrets = PlaintextSecrets.newIn(git, root, head, only(restored, files));
            if (!secrets.isEmpty()) {
                return new Outcome(Optional.empty(), false, secrets);
            }
            stage(porcelain, git.prefix(), root, files);
            if (head.isPresent() && differing(git, head.get().getTree(), files, restored).isEmpty()) {
                return new Outcome(Optional.empty(), true, List.of());
            }
            CommitCommand commit = porcelain.commit().setMessage(message);
            files.forEach(f -> commit.setOnly(git.prefix() + f));
            PersonIdent configured = new PersonIdent(git.repository());
            commit.setAuthor(new PersonIdent(options.authorName().orElse(configured.getName()),
                    options.authorEmail().orElse(configured.getEmailAddress()), now, ZoneOffset.UTC));
            commit.setCommitter(new PersonIdent(configured, now, ZoneOffset.UTC));
            RevCommit made = commit.call();
            List<String> wrong = differing(git, made.getTree(), files, restored);
            if (!wrong.isEmpty()) {
                throw notWhatWasRestored(git.repository(), made, wrong, taken);
            }
            return new Outcome(Optional.of(made.name()), false, List.of());
        } catch (GitAPIException | JGitInternalException | IOException e) {
            throw ConfigCicdException.external("the files are restored on disk, but the commit failed: " + e.getMessage(),
                    "commit them yourself (git commit -- " + String.join(" ", files) + "), or go back to backup "
                            + taken.id(), e);
        }
    }

    private static BackupContent only(BackupContent content, List<String> files) {
        Map<String, byte[]> out = new TreeMap<>(content.files());
        out.keySet().retainAll(files);
        return new BackupContent(out);
    }

    /** Brings the index entries of {@code files} in line with the work tree (as {@code git add -A -- files}). */
    private static void stage(Git porcelain, String prefix, Path root, List<String> files) throws GitAPIException {
        for (String f : files) {
            if (Files.exists(root.resolve(f))) {
                porcelain.add().addFilepattern(prefix + f).call();
            } else {
                porcelain.rm().setCached(true).addFilepattern(prefix + f).call();
            }
        }
    }

    /** The files whose entry in {@code tree} is not what was restored (present with other bytes, or present/absent). */
    private static List<String> differing(BackupGit git, RevTree tree, List<String> files, BackupContent restored)
            throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            ObjectId committed;
            try (TreeWalk walk = TreeWalk.forPath(git.repository(), git.prefix() + f, tree)) {
                committed = walk == null ? null : walk.getObjectId(0);
            }
            byte[] bytes = restored.files().get(f);
            if (bytes == null ? committed != null : committed == null || !stored(git.repository(), bytes).contains(committed)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The blob ids git may store for these bytes: as they are, and with CRLF turned into LF under core.autocrlf. */
    private static List<ObjectId> stored(Repository repository, byte[] bytes) {
        ObjectInserter.Formatter format = new ObjectInserter.Formatter();
        List<ObjectId> ids = new ArrayList<>(List.of(format.idFor(Constants.OBJ_BLOB, bytes)));
        String autocrlf = repository.getConfig().getString(ConfigConstants.CONFIG_CORE_SECTION, null,
                ConfigConstants.CONFIG_KEY_AUTOCRLF);
        if (autocrlf != null && !"false".equalsIgnoreCase(autocrlf)) {
            String lf = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            ids.add(format.idFor(Constants.OBJ_BLOB, lf.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return ids;
    }

    /** Undoes a commit that does not hold what was restored (if its branch still points at it) and says so. */
    private static ConfigCicdException notWhatWasRestored(Repository repository, RevCommit made, List<String> files,
                                                          Backup taken) throws IOException {
        String undone;
        if (made.getParentCount() == 1) {
            RefUpdate back = repository.updateRef(Constants.HEAD);
            back.setExpectedOldObjectId(made);
            back.setNewObjectId(made.getParent(0));
            back.setForceUpdate(true);
            RefUpdate.Result r = back.update();
            undone = r == RefUpdate.Result.FORCED || r == RefUpdate.Result.FAST_FORWARD
                    ? "the commit was undone (HEAD is back at " + made.getParent(0).abbreviate(12).name()
                    + "; the index still holds what it committed)"
                    : "the commit " + made.abbreviate(12).name() + " could not be undone (" + r + "): revert it";
        } else {
            undone = "the commit " + made.abbreviate(12).name() + " is the first of the branch and was left: amend it";
        }
        return ConfigCicdException.external("the rollback commit did not hold what the rollback restored in "
                + String.join(", ", files) + ": a program that does not take config-cicd's file"
                + " locks changed it meanwhile; " + undone, "look at the files (git diff HEAD), then roll back again; the"
                + " state before the rollback is backup " + taken.id(), null);
    }
}
