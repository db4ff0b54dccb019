package io.configcicd.core.deploy;

import java.util.List;
import java.util.Objects;

/**
 * The drift of an environment's targets: per target, the plan against the configuration (what a deploy would change)
 * and whether the live content differs from the target's last deployed record (a hand edit of the store).
 */
public record DriftResult(String environment, String commit, List<TargetPlan> targets) {

    public DriftResult {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(commit, "commit");
        targets = List.copyOf(targets);
    }

    /** Whether some target drifted from its deployed record. */
    public boolean drifted() {
        return targets.stream().anyMatch(TargetPlan::drift);
    }
}
