package io.configcicd.core.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front end asks {@link DeployService#deploy} for: the environment, the targets (empty: all of the
 * environment's), the revision to deploy (empty: the work tree), the deployment id (empty: the CI run's or a
 * time-based one), a dry run (plan and drift only), and {@code force} (overrides the guardrails, never validation).
 */
public record DeployRequest(String environment, List<String> targets, Optional<String> revision,
                            Optional<String> deploymentId, boolean dryRun, boolean force) {

    public DeployRequest {
        Objects.requireNonNull(environment, "environment");
        targets = List.copyOf(targets);
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(deploymentId, "deploymentId");
    }

    /** Every target of the environment, from the work tree, no flags. */
    public static DeployRequest of(String environment) {
        return new DeployRequest(environment, List.of(), Optional.empty(), Optional.empty(), false, false);
    }

    public DeployRequest withTargets(List<String> names) {
        return new DeployRequest(environment, names, revision, deploymentId, dryRun, force);
    }

    public DeployRequest withRevision(Optional<String> rev) {
        return new DeployRequest(environment, targets, rev, deploymentId, dryRun, force);
    }

    public DeployRequest withDeploymentId(Optional<String> id) {
        return new DeployRequest(environment, targets, revision, id, dryRun, force);
    }

    public DeployRequest withDryRun(boolean plan) {
        return new DeployRequest(environment, targets, revision, deploymentId, plan, force);
    }

    public DeployRequest withForce(boolean override) {
        return new DeployRequest(environment, targets, revision, deploymentId, dryRun, override);
    }
}
