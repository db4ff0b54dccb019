package io.configcicd.core.version;

import io.configcicd.core.ConfigCicdException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Commits the files a rollback changed, and only them ({@code git commit --only -- files}): changes staged for
 * other files stay staged and out of the commit; the index entries of the rolled-back files are updated.
 */
final class RollbackCommit {

    private RollbackCommit() {
    }

    /** The new commit's full id. */
    static String commit(Path root, List<String> files, String message, RollbackOptions options, Backup taken) {
        Instant now = options.clock().instant();
        try (BackupGit git = BackupGit.open(root); Git porcelain = Git.wrap(git.repository())) {
            for (String f : files) {
                if (java.nio.file.Files.exists(root.resolve(f))) {
                    porcelain.add().addFilepattern(git.prefix() + f).call();
                }
            }
            CommitCommand commit = porcelain.commit().setMessage(message);
            files.forEach(f -> commit.setOnly(git.prefix() + f));
            PersonIdent configured = new PersonIdent(git.repository());
            commit.setAuthor(new PersonIdent(options.authorName().orElse(configured.getName()),
                    options.authorEmail().orElse(configured.getEmailAddress()), now, ZoneOffset.UTC));
            commit.setCommitter(new PersonIdent(configured, now, ZoneOffset.UTC));
            RevCommit made = commit.call();
            return made.name();
        } catch (GitAPIException | JGitInternalException e) {
            throw ConfigCicdException.external("the files are restored on disk, but the commit failed: " + e.getMessage(),
                    "commit them yourself (git commit -- " + String.join(" ", files) + "), or go back to backup "
                            + taken.id(), e);
        }
    }
}
