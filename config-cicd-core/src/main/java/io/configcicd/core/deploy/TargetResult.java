package io.configcicd.core.deploy;

import java.util.Objects;

/** One target of a deployment: its plan, where it stands, and what went wrong or what to do (masked; may be empty). */
public record TargetResult(TargetPlan plan, TargetStatus status, String detail) {

    public TargetResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public String target() {
        return plan.target();
    }

    public TargetResult with(TargetStatus now, String why) {
        return new TargetResult(plan, now, why);
    }
}
