package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes several targets all or nothing: each with check-and-set against the state the plan read, each verified by
 * reading back. When one fails (unreachable, conflict, verify mismatch, size), every target already written, and the
 * failed one when it holds the new content, is put back to the state the plan read, in reverse order, with
 * check-and-set against what was written, and verified; a restore that fails is {@link TargetStatus#RESTORE_FAILED},
 * the targets after the failed one are {@link TargetStatus#UNTOUCHED}.
 */
final class Applier {

    /** One target to write: {@code desired} if it still holds {@code expected}. */
    record Step(ConfigStore store, TargetResult planned, StoreState expected, StoreState desired) {
        Step {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(planned, "planned");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(desired, "desired");
        }
    }

    /** The results in the order of the steps, and the first failure (its problem masked). */
    record Outcome(List<TargetResult> results, Optional<String> failure) {
    }

    private final OutputMasker masker;
    private final BiConsumer<String, String> progress;

    /** @param progress receives (target, what happened) as each step ends */
    Applier(OutputMasker masker, BiConsumer<String, String> progress) {
        this.masker = masker;
        this.progress = progress;
    }

    Outcome apply(List<Step> steps) {
        List<TargetResult> results = new ArrayList<>();
        steps.forEach(s -> results.add(s.planned()));
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Written written = write(step);
            Optional<String> failed = written.failure();
            if (failed.isEmpty()) {
                results.set(i, step.planned().with(TargetStatus.APPLIED, ""));
                progress.accept(step.planned().target(), "applied and verified");
                continue;
            }
            String why = failed.get();
            results.set(i, step.planned().with(TargetStatus.FAILED, why));
            progress.accept(step.planned().target(), "failed: " + why);
            if (written.applied() || holds(step, step.desired())) {
                results.set(i, restore(step, TargetStatus.FAILED, why + "; "));
            }
            for (int j = i - 1; j >= 0; j--) {
                results.set(j, restore(steps.get(j), TargetStatus.RESTORED, ""));
            }
            for (int j = i + 1; j < steps.size(); j++) {
                results.set(j, steps.get(j).planned().with(TargetStatus.UNTOUCHED, "not written: target "
                        + step.planned().target() + " failed before it"));
            }
            return new Outcome(results, Optional.of("target " + step.planned().target() + ": " + why));
        }
        return new Outcome(results, Optional.empty());
    }

    /** Whether the store accepted the write, and why the step failed (masked), if it did. */
    private record Written(boolean applied, Optional<String> failure) {
    }

    private Written write(Step step) {
        try {
            step.store().apply(step.desired(), step.expected());
        } catch (ConfigCicdException e) {
            return new Written(false, Optional.of(masker.mask(problem(e))));
        }
        try {
            Verification v = step.store().verify(step.desired());
            if (!v.matches()) {
                return new Written(true, Optional.of("verify mismatch after the write: "
                        + (v.differingEntries().isEmpty() ? "the record differs"
                        : "entries " + String.join(", ", v.differingEntries()))));
            }
            return new Written(true, Optional.empty());
        } catch (ConfigCicdException e) {
            return new Written(true, Optional.of("cannot read the target back: " + masker.mask(problem(e))));
        }
    }

    /**
     * Puts a written target back as the plan read it. {@code ok} is the status when that works (RESTORED for a target
     * written before the failure, FAILED, with {@code prefix}, for the failed target itself).
     */
    private TargetResult restore(Step step, TargetStatus ok, String prefix) {
        String target = step.planned().target();
        try {
            step.store().apply(step.expected(), step.desired());
            Verification v = step.store().verify(step.expected());
            if (v.matches()) {
                progress.accept(target, "restored and verified");
                return step.planned().with(ok, prefix + "put back as it was before the deploy, verified");
            }
            return restoreFailed(step, "the read-back after the restore differs");
        } catch (ConfigCicdException e) {
            return restoreFailed(step, masker.mask(problem(e)));
        }
    }

    private TargetResult restoreFailed(Step step, String why) {
        String target = step.planned().target();
        progress.accept(target, "RESTORE FAILED: " + why);
        return step.planned().with(TargetStatus.RESTORE_FAILED, "RESTORE FAILED: " + why + ". The target holds the new"
                + " content (or an unknown one): run rollback with this deployment's id once the store is back, or"
                + " restore it by hand from the journal's previous content");
    }

    /** Whether the target holds {@code state} now; false when it cannot be read. */
    private static boolean holds(Step step, StoreState state) {
        try {
            return step.store().read().sameAs(state);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String problem(ConfigCicdException e) {
        String text = e.problem();
        if (e instanceof StoreException s && text.startsWith("target " + s.target() + ": ")) {
            text = text.substring(("target " + s.target() + ": ").length());
        }
        return text;
    }
}
