package io.configcicd.core.store;

import io.configcicd.core.security.OutputMasker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code test-stores} reports for one target: whether the store is reachable, accepts the credentials, can
 * be read and can be written, and how long the check took. A result, never an exception: a failed step is
 * {@link Status#FAILED} with a detail that says why (URL passwords masked), later steps that could not run are
 * {@link Status#SKIPPED}.
 */
public record StoreCheck(String target, Step reachable, Step authenticated, Step canRead, Step canWrite,
                         Duration latency) {

    public enum Status { OK, FAILED, SKIPPED }

    /** One step's status and a short detail (empty when there is nothing to add). */
    public record Step(Status status, String detail) {
        public Step {
            Objects.requireNonNull(status, "status");
            detail = OutputMasker.urlPasswordsOnly().mask(Objects.requireNonNull(detail, "detail"));
        }

        public static Step ok() {
            return new Step(Status.OK, "");
        }

        public static Step ok(String detail) {
            return new Step(Status.OK, detail);
        }

        public static Step failed(String detail) {
            return new Step(Status.FAILED, detail);
        }

        public static Step skipped(String detail) {
            return new Step(Status.SKIPPED, detail);
        }
    }

    public StoreCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reachable, "reachable");
        Objects.requireNonNull(authenticated, "authenticated");
        Objects.requireNonNull(canRead, "canRead");
        Objects.requireNonNull(canWrite, "canWrite");
        Objects.requireNonNull(latency, "latency");
    }

    public List<Step> steps() {
        return List.of(reachable, authenticated, canRead, canWrite);
    }

    /** Whether no step failed (a skipped step, such as authentication for a store without any, is not a failure). */
    public boolean passed() {
        return steps().stream().noneMatch(s -> s.status() == Status.FAILED);
    }
}
