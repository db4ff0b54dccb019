package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.StoreState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Asks every target that a deploy would write for its plan-time checks and notes
 * ({@link io.configcicd.core.store.ConfigStore#planNotes}), after planning and before anything is written (a dry
 * run too): the notes go into each target's plan, a store that refuses becomes a {@link Refusal#STORE} refusal
 * that nothing overrides, with the kind of its error. Targets already up to date are not asked: nothing is written.
 */
final class StoreNotes {

    /** The plans with their notes, and the refusals of the stores (empty when every store accepts). */
    record Result(List<DeployEngine.Planned> plans, List<Refusal> refusals) {
        Result {
            plans = List.copyOf(plans);
            refusals = List.copyOf(refusals);
        }
    }

    private final OutputMasker masker;
    private final BiConsumer<String, String> progress;

    /** @param progress receives (target, note or refusal), masked */
    StoreNotes(OutputMasker masker, BiConsumer<String, String> progress) {
        this.masker = masker;
        this.progress = progress;
    }

    /** @param commit, id, now what the provisional record of the desired state says */
    Result ask(OpenTargets open, List<DeployEngine.Planned> plans, String commit, String id, Instant now) {
        List<DeployEngine.Planned> out = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (DeployEngine.Planned p : plans) {
            if (p.plan().upToDate()) {
                out.add(p);
                continue;
            }
            String target = p.spec().name();
            StoreState desired = StoreState.of(p.desired().content(),
                    DeployedRecord.of(p.desired().content(), commit, id, now))
                    .withSecretEntries(p.desired().secretEntries());
            try {
                List<String> notes = open.store(target).planNotes(p.live(), desired).stream().map(masker::mask).toList();
                notes.forEach(n -> progress.accept(target, "plan: " + n));
                out.add(new DeployEngine.Planned(p.spec(), p.plan().withNotes(notes), p.live(), p.desired()));
            } catch (ConfigCicdException e) {
                String why = masker.mask(e.problem() + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"));
                progress.accept(target, "refused at plan time");
                refusals.add(new Refusal(Refusal.STORE, target, why, false, e.kind()));
                out.add(p);
            }
        }
        return new Result(out, refusals);
    }
}
