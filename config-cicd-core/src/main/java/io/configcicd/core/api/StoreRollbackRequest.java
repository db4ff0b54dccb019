package io.configcicd.core.api;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link DeployService#rollback}: put every target of deployment {@code deploymentId} of {@code environment} back to
 * what it held before; {@code rollbackId} names the rollback's own journal entry (empty: the CI run's or a time-based
 * id); {@code force} rolls back a target that moved on since.
 */
public record StoreRollbackRequest(String environment, String deploymentId, Optional<String> rollbackId,
                                   boolean force) {

    public StoreRollbackRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(rollbackId, "rollbackId");
    }

    public static StoreRollbackRequest of(String environment, String deploymentId) {
        return new StoreRollbackRequest(environment, deploymentId, Optional.empty(), false);
    }

    public StoreRollbackRequest withForce(boolean override) {
        return new StoreRollbackRequest(environment, deploymentId, rollbackId, override);
    }
}
