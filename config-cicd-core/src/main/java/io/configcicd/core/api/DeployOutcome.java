package io.configcicd.core.api;

import io.configcicd.core.ErrorKind;
import io.configcicd.core.deploy.Deployment;
import io.configcicd.core.security.OutputMasker;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link DeployService#deploy} and {@link DeployService#rollback}: the deployment (plans, statuses,
 * refusals; no secret value) and the masker of the run (the workspace's plus every value resolved for a
 * {@code secrets: resolve} target), which a front end masks its output with before printing it.
 */
public record DeployOutcome(Deployment deployment, OutputMasker masker) {

    public DeployOutcome {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(masker, "masker");
    }

    /** FINDINGS (exit 1) when a rule refused it, EXTERNAL (exit 3) when a target failed; empty on success. */
    public Optional<ErrorKind> failure() {
        return deployment.failure();
    }

    public int exitCode() {
        return failure().map(ErrorKind::exitCode).orElse(0);
    }
}
