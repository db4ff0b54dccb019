package io.configcicd.core.deploy;

import io.configcicd.core.ErrorKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a deploy or a store rollback: every target's plan and status, the rules that refused it (or that
 * {@code --force} overrode), the validation findings that refused it, and where its journal entry is. Holds no
 * secret value: values in plans are masked, messages too.
 *
 * @param journal the journal file, relative to the configuration directory; empty when nothing was written
 */
public record Deployment(Kind kind, String id, String environment, String commit, String who, Status status,
                         List<TargetResult> targets, List<Refusal> refusals, List<Refusal> overridden,
                         List<String> findings, Optional<String> journal, Optional<String> rollbackOf,
                         Instant started, Instant finished) {

    public enum Kind {
        DEPLOY, ROLLBACK;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        /** {@code --dry-run}: the plan, nothing written. */
        DRY_RUN,
        /** Every target already held the content: nothing written. */
        NOTHING_TO_DO,
        /** Every target written and verified. */
        APPLIED,
        /** A rule refused the deploy before anything was written (exit 1). */
        REFUSED,
        /** A target failed; the targets already written were put back (exit 3). */
        FAILED;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Deployment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(status, "status");
        targets = List.copyOf(targets);
        refusals = List.copyOf(refusals);
        overridden = List.copyOf(overridden);
        findings = List.copyOf(findings);
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(rollbackOf, "rollbackOf");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
    }

    /**
     * The kind of failure a front end turns into an exit code: findings (refused by a rule), the kind of a store's
     * own plan-time refusal (bad input, external), or external (failed).
     */
    public Optional<ErrorKind> failure() {
        return switch (status) {
            case REFUSED -> Optional.of(refusals.stream().map(Refusal::kind).filter(k -> k != ErrorKind.FINDINGS)
                    .findFirst().orElse(ErrorKind.FINDINGS));
            case FAILED -> Optional.of(ErrorKind.EXTERNAL);
            default -> Optional.empty();
        };
    }

    /** Whether a target's live content differs from what its last deployed record says. */
    public boolean drift() {
        return targets.stream().anyMatch(t -> t.plan().drift());
    }

    /** Entries added, changed or deleted in the targets that were written (or would be, for a dry run). */
    public long changedEntries() {
        return targets.stream().filter(t -> t.status() == TargetStatus.APPLIED || t.status() == TargetStatus.PLANNED)
                .mapToLong(t -> t.plan().changes().size()).sum();
    }

    /** The same deployment with these plans as its targets (status {@link TargetStatus#PLANNED}). */
    public Deployment withPlans(List<TargetPlan> plans) {
        return new Deployment(kind, id, environment, commit, who, status,
                plans.stream().map(p -> new TargetResult(p, TargetStatus.PLANNED, "")).toList(), refusals, overridden,
                findings, journal, rollbackOf, started, finished);
    }

    /** Collects a deployment while the engine runs. */
    static final class Builder {
        private final Kind kind;
        private final String environment;
        private final String commit;
        private final String who;
        private final Instant started;
        private String id;
        private Optional<String> rollbackOf = Optional.empty();
        private List<Refusal> overridden = List.of();

        Builder(Kind kind, String id, DeployInput in, Instant started) {
            this(kind, id, in.environment(), in.commit(), in.who(), started);
        }

        Builder(Kind kind, String id, String environment, String commit, String who, Instant started) {
            this.kind = kind;
            this.id = id;
            this.environment = environment;
            this.commit = commit;
            this.who = who;
            this.started = started;
        }

        Kind kind() {
            return kind;
        }

        String id() {
            return id;
        }

        void id(String chosen) {
            id = chosen;
        }

        void rollbackOf(String original) {
            rollbackOf = Optional.of(original);
        }

        void overridden(List<Refusal> rules) {
            overridden = List.copyOf(rules);
        }

        Deployment refused(List<Refusal> refusals, List<String> findings, Instant finished) {
            return new Deployment(kind, id, environment, commit, who, Status.REFUSED, List.of(), refusals, overridden,
                    findings, Optional.empty(), rollbackOf, started, finished);
        }

        Deployment planned(List<DeployEngine.Planned> plans, Status status, Instant finished) {
            List<TargetResult> targets = plans.stream().map(p -> new TargetResult(p.plan(),
                    p.plan().upToDate() ? TargetStatus.UP_TO_DATE : TargetStatus.PLANNED,
                    p.plan().upToDate() ? "already holds this content" : "")).toList();
            return new Deployment(kind, id, environment, commit, who, status, targets, List.of(), overridden,
                    List.of(), Optional.empty(), rollbackOf, started, finished);
        }

        Deployment finish(List<TargetResult> targets, Status status, Instant finished) {
            return new Deployment(kind, id, environment, commit, who, status, targets, List.of(), overridden,
                    List.of(), Optional.of(Journal.relative(id)), rollbackOf, started, finished);
        }
    }
}
