package io.configcicd.core.api;

import io.configcicd.core.model.Severity;
import io.configcicd.core.report.Report;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.WaivedFinding;
import java.util.List;

/**
 * The result of {@link ValidationService#validate}: the report (every finding left after waivers and fixes,
 * paths relative to the repository root), the fixes that were written, the findings that a waiver silenced, the
 * rule ids that ran, and the threshold. Every message is already masked: no secret value appears in it.
 */
public record ValidateOutcome(Report report, List<AppliedFix> fixes, List<WaivedFinding> waived, List<String> rules,
                              Severity failOn) {

    public ValidateOutcome {
        fixes = List.copyOf(fixes);
        waived = List.copyOf(waived);
        rules = List.copyOf(rules);
    }

    /** True when some finding is at or above {@link #failOn()}: exit code 1, a failed build. */
    public boolean failed() {
        return report.findings().stream().anyMatch(f -> f.severity().atLeast(failOn));
    }
}
