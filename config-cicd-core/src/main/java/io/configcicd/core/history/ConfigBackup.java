package io.configcicd.core.history;

import io.configcicd.core.source.RevisionReader;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.ConfigDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Named snapshots of one configuration ({@code backup}); every {@code set}, {@code --fix}, {@code rollback} and
 * deploy takes one before it writes.
 *
 * <ul>
 *   <li>In a git work tree a backup is an annotated tag
 *       {@code config-backup/<scope>/<name>/<yyyyMMdd-HHmmss>-<label>} (UTC; {@code -2}, {@code -3}... when the
 *       name is taken). When the configuration's files on disk are those of HEAD, the tag points at HEAD. When
 *       they have uncommitted changes (or nothing is committed yet), the tag points at a new commit whose tree is
 *       HEAD's with those files as they are on disk (parent HEAD, message {@code config-cicd backup of ...}); that
 *       commit is written as objects only: the index, the work tree and every branch are left as they were. So a
 *       backup always holds exactly what is on disk. Tags are local: push them ({@code git push origin
 *       'refs/tags/config-backup/*'}) to share them. Files are compared byte for byte with the committed blobs, so
 *       with {@code core.autocrlf} or clean filters a file may count as changed. But when that commit would write a
 *       plaintext secret into git that HEAD does not already hold ({@link PlaintextSecrets}: a secret never
 *       committed, which a pushed tag would publish), the backup is a copy outside git instead, as below.</li>
 *   <li>Elsewhere (and for those backups in git) a backup is a copy of the files under
 *       {@code .config-cicd/backups/<scope>-<name>/}, with a {@code manifest.json} (time, label, each file's
 *       SHA-256), readable by its owner only; see {@link BackupCopies}.</li>
 * </ul>
 *
 * The files of a configuration: for {@code ENVIRONMENT, E} the override document {@code environments/E.*}; for
 * {@code GLOBAL, E} also {@code global/*} and {@code config-cicd.yaml}. A configuration without files (an
 * environment declared in the settings only) has an empty backup, and rolling back to it deletes the files.
 */
public final class ConfigBackup {

    /** The folder of tags that hold backups. */
    public static final String TAG_ROOT = "config-backup";

    /** Orders ids of one second: {@code x} before {@code x-2} before {@code x-10}. */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * Takes a backup of configuration ({@code scope}, {@code name}) of the directory {@code configDir}.
     *
     * @param label why, for example {@code before-set}; made safe for a tag name ({@code manual} when blank)
     * @param now   the time the backup is named after
     * @throws ConfigCicdException bad input for an invalid name or a missing directory; external when git or the
     *                             file system fails
     */
    public Backup create(Path configDir, Scope scope, String name, String label, Instant now) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(now, "now");
        ConfigDirectory.checkName(name, "environment");
        String safe = BackupFiles.safeLabel(label);
        Path root = BackupFiles.realRoot(configDir);
        BackupContent disk = BackupFiles.onDisk(root, scope, name);
        String stamped = STAMP.format(now) + "-" + safe;
        if (!BackupGit.applies(root)) {
            return BackupCopies.create(root, scope, name, safe, stamped, now, disk);
        }
        try (BackupGit git = BackupGit.open(root)) {
            Optional<RevCommit> head = git.head();
            boolean atHead = head.isPresent() && git.content(head, scope, name).sameAs(disk);
            if (!atHead && !PlaintextSecrets.newIn(git, root, head, disk).isEmpty()) {
                // a backup commit would write a plaintext secret into git, and a pushed tag would publish it
                return BackupCopies.create(root, scope, name, safe, stamped, now, disk);
            }
            return tag(git, head, atHead, scope, name, safe, stamped, now, disk);
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    private static Backup tag(BackupGit git, Optional<RevCommit> head, boolean atHead, Scope scope, String name,
                              String label, String stamped, Instant now, BackupContent disk) throws IOException {
        PersonIdent who = new PersonIdent(new PersonIdent(git.repository()), now, ZoneOffset.UTC);
        String what = scope.word() + "/" + name;
        ObjectId tagged;
        if (atHead) {
            tagged = head.get();
        } else {
            tagged = git.commitOf(head, disk, scope, name, who, "config-cicd backup of " + what + " (" + label + ")\n\n"
                    + "The files of " + what + " as they were on disk, not committed"
                    + head.map(h -> "; HEAD was " + h.name()).orElse("; nothing was committed yet") + ".\n");
        }
        String message = "config-cicd backup of " + what + " (" + label + ")\n\nlabel: " + label + "\ntime: " + now
                + "\nfiles: " + String.join(", ", disk.names()) + "\n";
        String base = tagPrefix(scope, name) + stamped;
        for (int n = 1; ; n++) {
            String tag = n == 1 ? base : base + "-" + n;
            if (git.createTag(tag, tagged, who, message)) {
                return new Backup(tag, now, label, Backup.Kind.GIT_TAG, disk.names());
            }
        }
    }

    /**
     * A result and the backup taken before the action that produced it ({@link #around}).
     *
     * @param backup the backup of the files as they were before the action
     * @param result what the action returned
     */
    public record Backed<T>(Backup backup, T result) {
        public Backed {
            Objects.requireNonNull(backup, "backup");
        }
    }

    /**
     * Takes a backup ({@link #create}), then runs {@code action}. When the action throws and the configuration's
     * files are still exactly what the backup holds, the backup is removed again ({@link #discardIfUnchanged}): a
     * command that failed without changing anything leaves no backup behind. When the files did change (a write
     * that got half way), the backup stays: it is the way back, and the error should name it.
     */
    public <T> Backed<T> around(Path configDir, Scope scope, String name, String label, Instant now,
                                java.util.function.Supplier<T> action) {
        Backup taken = create(configDir, scope, name, label, now);
        try {
            return new Backed<>(taken, action.get());
        } catch (RuntimeException e) {
            try {
                discardIfUnchanged(configDir, scope, name, taken);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Removes a backup when the configuration's files on disk are byte for byte what it holds, so it keeps nothing
     * that the files themselves do not: the git tag (its commit is left to git's garbage collection), or the copy.
     *
     * @return whether the backup was removed
     * @throws ConfigCicdException external when git or the file system fails
     */
    public boolean discardIfUnchanged(Path configDir, Scope scope, String name, Backup backup) {
        Objects.requireNonNull(backup, "backup");
        Path root = BackupFiles.realRoot(configDir);
        BackupContent disk = BackupFiles.onDisk(root, scope, name);
        if (backup.kind() == Backup.Kind.COPY) {
            if (!BackupCopies.exists(root, scope, name, backup.id())
                    || !BackupCopies.read(root, scope, name, backup.id()).sameAs(disk)) {
                return false;
            }
            return BackupCopies.delete(root, scope, name, backup.id());
        }
        try (BackupGit git = BackupGit.open(root)) {
            Optional<RevCommit> tagged = git.resolve(org.eclipse.jgit.lib.Constants.R_TAGS + backup.id());
            if (tagged.isEmpty() || !git.content(tagged, scope, name).sameAs(disk)) {
                return false;
            }
            return git.deleteTag(backup.id());
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    static String tagPrefix(Scope scope, String name) {
        return TAG_ROOT + "/" + scope.word() + "/" + name + "/";
    }

    /**
     * The backups of configuration ({@code scope}, {@code name}), newest first: its {@code config-backup/} tags
     * when the directory is in a git work tree, and its copies under {@code .config-cicd/backups/} (the only kind
     * outside git; in git, those taken before the directory was put under git).
     */
    public List<Backup> list(Path configDir, Scope scope, String name) {
        Objects.requireNonNull(scope, "scope");
        ConfigDirectory.checkName(name, "environment");
        Path root = BackupFiles.realRoot(configDir);
        List<Backup> out = new ArrayList<>(BackupCopies.list(root, scope, name));
        if (BackupGit.applies(root)) {
            try (BackupGit git = BackupGit.open(root)) {
                for (BackupGit.Tag t : git.tags(tagPrefix(scope, name))) {
                    out.add(fromTag(git, t, scope, name));
                }
            } catch (IOException e) {
                throw RevisionReader.gitFailed(e);
            }
        }
        out.sort(Comparator.comparing(Backup::time).thenComparing(Backup::id, ID_ORDER).reversed());
        return List.copyOf(out);
    }

    private static Backup fromTag(BackupGit git, BackupGit.Tag t, Scope scope, String name) throws IOException {
        String last = t.name().substring(t.name().lastIndexOf('/') + 1);
        Instant time = field(t.message(), "time").flatMap(ConfigBackup::instant)
                .or(() -> stamp(last))
                .orElse(t.commit().getCommitterIdent().getWhenAsInstant());
        String label = field(t.message(), "label")
                .orElse(last.length() > 16 && stamp(last).isPresent() ? last.substring(16) : last);
        List<String> files = git.content(Optional.of(t.commit()), scope, name).names();
        return new Backup(t.name(), time, label, Backup.Kind.GIT_TAG, files);
    }

    private static Optional<String> field(String message, String key) {
        for (String line : message.split("\n")) {
            if (line.startsWith(key + ": ")) {
                return Optional.of(line.substring(key.length() + 2).strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> stamp(String name) {
        try {
            return name.length() < 15 ? Optional.empty() : Optional.of(Instant.from(STAMP.parse(name.substring(0, 15))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
