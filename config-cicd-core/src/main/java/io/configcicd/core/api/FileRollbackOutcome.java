package io.configcicd.core.api;

import io.configcicd.core.history.RestoreResult;
import java.util.Objects;

/**
 * What {@link RollbackService#rollbackFiles} restored: files written and deleted, the version and commit they come
 * from, the rollback's commit (or why there is none), the backup taken before. Render with
 * {@code io.configcicd.core.report.RestoreReports}.
 */
public record FileRollbackOutcome(RestoreResult restored) {

    public FileRollbackOutcome {
        Objects.requireNonNull(restored, "restored");
    }
}
