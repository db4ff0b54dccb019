package io.configcicd.core.api;

import io.configcicd.core.model.Severity;
import io.configcicd.core.report.Report;
import io.configcicd.core.security.OutputMasker;
import java.util.Objects;

/**
 * The result of {@link ValidationService#validateFiles}: the report (environment {@code files}, origins naming the
 * files as given), the masker of every secret the files hold, which every output of the run passes through (standard
 * output, every report file), and the threshold.
 */
public record ValidateFilesOutcome(Report report, OutputMasker masker, Severity failOn) {

    public ValidateFilesOutcome {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(masker, "masker");
        Objects.requireNonNull(failOn, "failOn");
    }

    /** True when some finding is at or above {@link #failOn()}: exit code 1. */
    public boolean failed() {
        return report.findings().stream().anyMatch(f -> f.severity().atLeast(failOn));
    }
}
