package io.configcicd.core.history;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.validate.Finding;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Restores the files of one configuration as they were in an earlier version ({@code rollback}).
 *
 * <ol>
 *   <li>The version: see {@link RestorePoints}. In a git work tree, any revision or backup tag, and by default
 *       the version before the newest commit that changed the configuration's files ({@code <id>^}), or HEAD when
 *       those files have uncommitted changes (then "previous" is the last committed version). Outside git, a
 *       backup id, by default the newest backup that differs from the files on disk; a git revision there is bad
 *       input.</li>
 *   <li>Exactly the configuration's files are restored (see {@link ConfigBackup} for which files): those that
 *       differ are written, those that did not exist in that version are deleted, every other file is left alone.
 *       Everything below runs holding the lock of each of those files.</li>
 *   <li>The restored state is validated before anything is written (see {@link RestoreValidation}): the
 *       environment {@code name}, with every environment visible to cross-environment rules. Findings at or above
 *       the threshold refuse the rollback (FINDINGS) and nothing is written, unless {@link RestoreOptions#force()};
 *       forced, they are returned in {@link RestoreResult#findingsIgnored()}. Restored files that do not load are
 *       refused even when forced.</li>
 *   <li>A backup labelled {@code before-rollback} is taken, then each file is written atomically. If a write fails
 *       midway, the files already changed are put back (best effort; the error says whether it worked and names
 *       the backup).</li>
 *   <li>In a git work tree, unless {@link RestoreOptions#commit()} is false, the changed files and only them are
 *       committed ({@code git commit --only}: other staged changes stay staged and out of the commit), message
 *       {@code config-cicd rollback of <scope>/<name> to <version> (<short id>)}, author from the options or the
 *       repository's configured user, still holding the files' locks, so the commit holds exactly what was
 *       restored (and this is checked: see {@link RestoreCommit}). When no file differs, nothing is written or
 *       committed (the backup is still taken, so a result always names one). When the restored files are exactly
 *       those of HEAD (the rollback undid uncommitted changes), their index entries are updated and nothing is
 *       committed: {@link RestoreResult#nothingToCommit()}. When a restored file would write a plaintext secret
 *       into git that git does not hold yet, nothing is committed: {@link RestoreResult#keptOutOfGit()}.</li>
 * </ol>
 *
 * Access control and the audit record are the caller's.
 */
public final class FileRestore {

    private final ConfigBackup backups;
    private final RestoredStateValidator validator;

    /**
     * @param validator validates the restored state (for a configuration directory:
     *                  {@code io.configcicd.core.api.RestoreValidators.of(manager)})
     */
    public FileRestore(RestoredStateValidator validator) {
        this(new ConfigBackup(), validator);
    }

    public FileRestore(ConfigBackup backups, RestoredStateValidator validator) {
        this.backups = Objects.requireNonNull(backups, "backups");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * Rolls configuration ({@code scope}, {@code name}) of the directory back to {@code toVersion}, or to the previous
     * version when it is empty.
     *
     * @throws ConfigCicdException bad input (unknown version, no previous version, a git revision outside git,
     *                             restored files that do not load), FINDINGS (the restored state fails validation),
     *                             external (git or the file system failed)
     */
    public RestoreResult rollback(ConfigDirectory dir, Scope scope, String name, Optional<String> toVersion,
                                   RestoreOptions options) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(options, "options");
        ConfigDirectory.checkName(name, "environment");
        Path root = dir.root();
        RestorePoint point = RestorePoints.resolve(root, scope, name, toVersion);
        Set<String> files = new TreeSet<>(point.content().names());
        files.addAll(BackupFiles.onDisk(root, scope, name).names());
        // the commit is made under the same locks as the writes: no other writer can change a file in between
        return RestoreWriter.locked(dir, List.copyOf(files),
                () -> commit(root, restore(dir, scope, name, point, options), scope, name, point, options));
    }

    private static RestoreResult commit(Path root, RestoreResult result, Scope scope, String name,
                                         RestorePoint point, RestoreOptions options) {
        if (!result.changed() || !options.commit() || !BackupGit.applies(root)) {
            return result;
        }
        List<String> changed = new ArrayList<>(result.filesWritten());
        changed.addAll(result.filesDeleted());
        return result.committed(RestoreCommit.commit(root, changed, point.content(), message(scope, name, point),
                options, result.backupTaken()));
    }

    private RestoreResult restore(ConfigDirectory dir, Scope scope, String name, RestorePoint point,
                                   RestoreOptions options) {
        Path root = dir.root();
        BackupContent current = BackupFiles.onDisk(root, scope, name);
        List<String> write = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        for (String f : point.content().differences(current)) {
            (point.content().files().containsKey(f) ? write : delete).add(f);
        }
        LocalDate today = LocalDate.ofInstant(options.clock().instant(), options.clock().getZone());
        List<Finding> ignored = RestoreValidation.check(validator, root, name, point, current, options.force(), today,
                scope);
        Backup taken = backups.create(root, scope, name, "before-rollback", options.clock().instant());
        try {
            RestoreWriter.apply(dir, point.content(), write, delete, current, taken);
        } catch (ConfigCicdException e) {
            throw discardIfUnchanged(root, scope, name, taken, e);
        }
        return new RestoreResult(point.version(), point.sourceId(), write, delete, Optional.empty(), taken, ignored,
                false, List.of());
    }

    /**
     * A failed write whose files were all put back leaves no backup behind (it would hold nothing the files do not);
     * the error then says so. When some file could not be put back, the backup stays and the error names it.
     */
    private ConfigCicdException discardIfUnchanged(Path root, Scope scope, String name, Backup taken,
                                                   ConfigCicdException e) {
        try {
            if (backups.discardIfUnchanged(root, scope, name, taken)) {
                return new ConfigCicdException(e.kind(), e.origin(), e.problem(), "nothing was changed: the files are "
                        + "as they were before the rollback, and the backup taken before it was removed", e);
            }
        } catch (RuntimeException cleanup) {
            e.addSuppressed(cleanup);
        }
        return e;
    }

    private static String message(Scope scope, String name, RestorePoint point) {
        String what = RestorePoints.what(scope, name);
        String subject = "config-cicd rollback of " + what + " to " + point.version();
        if (!point.version().equals(point.shortId())) {
            subject += " (" + point.shortId() + ")";
        }
        return subject + "\n\nRestores the files of " + what + " as they were in " + point.version()
                + " (" + point.sourceId() + ").\n";
    }
}
