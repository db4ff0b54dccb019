package io.configcicd.core.api;

import io.configcicd.core.ErrorKind;
import io.configcicd.core.deploy.DriftResult;
import io.configcicd.core.security.OutputMasker;
import java.util.Objects;
import java.util.Optional;

/** The result of {@link DeployService#drift}; FINDINGS (exit 1) when a target drifted from its deployed record. */
public record DriftOutcome(DriftResult drift, OutputMasker masker) {

    public DriftOutcome {
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(masker, "masker");
    }

    public Optional<ErrorKind> failure() {
        return drift.drifted() ? Optional.of(ErrorKind.FINDINGS) : Optional.empty();
    }

    public int exitCode() {
        return failure().map(ErrorKind::exitCode).orElse(0);
    }
}
