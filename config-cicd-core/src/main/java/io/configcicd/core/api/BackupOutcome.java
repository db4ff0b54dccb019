package io.configcicd.core.api;

import io.configcicd.core.history.Backup;
import java.util.Objects;

/**
 * The backup {@link BackupService#create} took: a git tag under {@code config-backup/}, or outside git a copy under
 * {@code .config-cicd/backups/}. Render with {@code io.configcicd.core.report.BackupReports}.
 */
public record BackupOutcome(Backup backup) {

    public BackupOutcome {
        Objects.requireNonNull(backup, "backup");
    }
}
