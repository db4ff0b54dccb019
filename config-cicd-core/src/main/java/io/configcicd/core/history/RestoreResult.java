package io.configcicd.core.history;

import io.configcicd.core.validate.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rollback did.
 *
 * @param version         the version rolled back to, as named: the revision given, {@code <id>^} (the parent of the
 *                        newest commit that changed the configuration), {@code HEAD} (when the files had uncommitted
 *                        changes), or a backup id
 * @param commitId        where the files were restored from: the full commit id, or for a copy backup its id
 * @param filesWritten    the files written (those whose content differed), relative to the configuration directory
 * @param filesDeleted    the files deleted because they did not exist in that version
 * @param newCommit       the commit that records the rollback, when one was made
 * @param backupTaken     the backup taken just before writing ({@code before-rollback})
 * @param findingsIgnored the findings at or above the threshold that {@code force} wrote over (empty unless forced)
 * @param nothingToCommit in a git work tree, files were restored but they are now exactly as HEAD has them (the
 *                        rollback undid uncommitted changes), so there was nothing to commit
 * @param keptOutOfGit    in a git work tree, where the restored files write a plaintext secret that git does not
 *                        hold yet ({@code file:line:column (path)}, never the value): the files stay restored on
 *                        disk but nothing is committed, because the product never writes such a secret into git
 */
public record RestoreResult(String version, String commitId, List<String> filesWritten, List<String> filesDeleted,
                             Optional<String> newCommit, Backup backupTaken, List<Finding> findingsIgnored,
                             boolean nothingToCommit, List<String> keptOutOfGit) {

    public RestoreResult {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commitId, "commitId");
        filesWritten = List.copyOf(filesWritten);
        filesDeleted = List.copyOf(filesDeleted);
        Objects.requireNonNull(newCommit, "newCommit");
        Objects.requireNonNull(backupTaken, "backupTaken");
        findingsIgnored = List.copyOf(findingsIgnored);
        keptOutOfGit = List.copyOf(keptOutOfGit);
    }

    /** The same result, with what committing it gave. */
    RestoreResult committed(RestoreCommit.Outcome outcome) {
        return new RestoreResult(version, commitId, filesWritten, filesDeleted, outcome.commit(), backupTaken,
                findingsIgnored, outcome.nothingToCommit(), outcome.keptOutOfGit());
    }

    /** Whether anything on disk changed. */
    public boolean changed() {
        return !filesWritten.isEmpty() || !filesDeleted.isEmpty();
    }
}
