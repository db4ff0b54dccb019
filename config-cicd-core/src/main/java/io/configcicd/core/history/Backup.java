package io.configcicd.core.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named snapshot of one configuration's files, taken by {@link ConfigBackup}.
 *
 * @param id    what {@code rollback --to-version} takes: in a git work tree the tag name
 *              ({@code config-backup/global/production/20260101-100000-before-set}), outside git the folder name
 *              under {@code .config-cicd/backups/<scope>-<name>/} ({@code 20260101-100000-before-set})
 * @param time  when the backup was taken (to the second for a tag, as its name says; exact for a copy)
 * @param label why it was taken, for example {@code before-set}, {@code before-rollback} or {@code manual}
 * @param kind  a git tag or a copy of the files
 * @param files the configuration's files in the backup, relative to the configuration directory, sorted
 */
public record Backup(String id, Instant time, String label, Kind kind, List<String> files) {

    /** Where a backup is kept. */
    public enum Kind {
        /** A tag under {@code config-backup/} on a commit whose files are those of the backup. */
        GIT_TAG,
        /** A copy of the files under {@code .config-cicd/backups/}, with a manifest of their SHA-256. */
        COPY
    }

    public Backup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        files = List.copyOf(files);
    }
}
