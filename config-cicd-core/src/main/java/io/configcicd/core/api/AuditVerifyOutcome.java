package io.configcicd.core.api;

import io.configcicd.core.security.audit.VerifyResult;
import java.util.Objects;

/**
 * What {@link AuditService#verify} found: the {@link VerifyResult} of the log (lines checked, head hash, problems,
 * checks made, unfinished actions). {@link #intact()} false means the log was changed: a front end reports findings
 * (exit code 1). Render it with {@link io.configcicd.core.report.AuditReports}.
 */
public record AuditVerifyOutcome(VerifyResult result) {

    public AuditVerifyOutcome {
        Objects.requireNonNull(result, "result");
    }

    /** True when no check found a problem. */
    public boolean intact() {
        return result.ok();
    }
}
