package io.configcicd.core.deploy;

import io.configcicd.core.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code monitor} saw and did: how it ended ({@link Status}), why in one line, the rounds it ran, each probe's
 * summary (runs, failures, latencies, its last answers), each target's last state, and the rollback it ran (a
 * {@link Deployment} of kind rollback) when it rolled the deployment back. Masked: no secret value.
 *
 * @param reason one line: {@code "probe health failed 3 rounds in a row"}, {@code "deployment 4712 superseded it"}
 */
public record MonitorResult(String deploymentId, String environment, String commit, Status status, String reason,
                            int rounds, int failedRounds, Duration interval, int failuresToRollBack,
                            List<ProbeSummary> probes, List<TargetWatch> targets, Optional<Deployment> rollback,
                            List<String> notes, Instant started, Instant finished) {

    /** How a monitor run ended. */
    public enum Status {
        /** Every round until the end, or fewer failed rounds in a row than {@code failures}: exit 0. */
        HEALTHY("healthy", Optional.empty()),
        /** A later deployment of the environment replaced ours: stopped watching, exit 0. */
        SUPERSEDED("superseded", Optional.empty()),
        /** Failed; every target rolled back and verified: exit 1. */
        ROLLED_BACK("failed, rolled back", Optional.of(ErrorKind.FINDINGS)),
        /** Failed; the rollback was refused (a target changed since the deployment; not forced): exit 1. */
        ROLLBACK_REFUSED("failed, rollback refused", Optional.of(ErrorKind.FINDINGS)),
        /** Failed; the deployment changed nothing, so there was nothing to roll back: exit 1. */
        FAILED("failed, nothing to roll back", Optional.of(ErrorKind.FINDINGS)),
        /** Failed; the rollback itself failed on a store (see the rollback's targets): exit 3. */
        ROLLBACK_FAILED("failed, rollback failed", Optional.of(ErrorKind.EXTERNAL)),
        /** Stopped by a cancellation (SIGTERM of a cancelled job): no rollback, exit 3. */
        INTERRUPTED("monitoring interrupted", Optional.of(ErrorKind.EXTERNAL));

        private final String word;
        private final Optional<ErrorKind> failure;

        Status(String word, Optional<ErrorKind> failure) {
            this.word = word;
            this.failure = failure;
        }

        public String word() {
            return word;
        }

        public Optional<ErrorKind> failure() {
            return failure;
        }
    }

    /**
     * One probe over the run: its kind and condition in words, rounds run and failed, latencies (min, median, max),
     * its last answers (newest last, masked), and whether its last answer was healthy.
     */
    public record ProbeSummary(String name, String kind, String condition, int runs, int failures, Duration min,
                               Duration median, Duration max, List<String> lastAnswers, boolean lastHealthy) {
        public ProbeSummary {
            Objects.requireNonNull(name, "name");
            lastAnswers = List.copyOf(lastAnswers);
        }
    }

    /** One target of the deployment over the run: what it held at the last read, in words. */
    public record TargetWatch(String target, String type, String state, boolean held) {
        public TargetWatch {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(state, "state");
        }
    }

    public MonitorResult {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(interval, "interval");
        probes = List.copyOf(probes);
        targets = List.copyOf(targets);
        Objects.requireNonNull(rollback, "rollback");
        notes = List.copyOf(notes);
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
    }

    public Optional<ErrorKind> failure() {
        return status.failure();
    }
}
