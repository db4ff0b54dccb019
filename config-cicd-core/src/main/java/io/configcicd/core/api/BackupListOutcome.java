package io.configcicd.core.api;

import io.configcicd.core.history.Backup;
import java.util.List;

/**
 * The backups {@link BackupService#list} found, newest first. Render with
 * {@code io.configcicd.core.report.BackupReports}.
 */
public record BackupListOutcome(List<Backup> backups) {

    public BackupListOutcome {
        backups = List.copyOf(backups);
    }
}
