package io.configcicd.core.api;

import io.configcicd.core.ErrorKind;
import io.configcicd.core.deploy.MonitorResult;
import io.configcicd.core.security.OutputMasker;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link MonitorService#monitor}: what the run saw and did, rendered with {@code report.MonitorReports},
 * and the run's masker (the workspace's plus the probe headers' resolved values and anything the rollback resolved),
 * which a front end masks its output with. Exit: 0 healthy or superseded; 1 failed (rolled back, rollback refused, or
 * nothing to roll back); 3 interrupted or the rollback failed on a store.
 */
public record MonitorOutcome(MonitorResult result, OutputMasker masker) {

    public MonitorOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(masker, "masker");
    }

    public Optional<ErrorKind> failure() {
        return result.failure();
    }

    public int exitCode() {
        return failure().map(ErrorKind::exitCode).orElse(0);
    }
}
