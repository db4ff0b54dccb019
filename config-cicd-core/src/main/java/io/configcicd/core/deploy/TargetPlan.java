package io.configcicd.core.deploy;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.SecretsMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deploy would do to one target, from what the target holds now: the entries added, changed and deleted
 * (values masked), the SHA-256 of the live and of the desired content, the record of the last deploy, and whether
 * the target drifted (its live content is not what that record says was deployed: someone edited the store).
 *
 * @param liveEntries how many entries the target holds now: the base of the change ratio
 * @param notes       what the target's store says about how it would write this plan (its
 *                    {@link io.configcicd.core.store.ConfigStore#planNotes}), without values; empty when none
 */
public record TargetPlan(String target, String type, Layout layout, SecretsMode secrets, int liveEntries,
                         List<EntryChange> changes, String liveSha256, String desiredSha256,
                         Optional<DeployedRecord> record, boolean drift, List<String> notes) {

    /** A plan without notes from its store. */
    public TargetPlan(String target, String type, Layout layout, SecretsMode secrets, int liveEntries,
                      List<EntryChange> changes, String liveSha256, String desiredSha256,
                      Optional<DeployedRecord> record, boolean drift) {
        this(target, type, layout, secrets, liveEntries, changes, liveSha256, desiredSha256, record, drift, List.of());
    }

    public TargetPlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(secrets, "secrets");
        changes = List.copyOf(changes);
        Objects.requireNonNull(liveSha256, "liveSha256");
        Objects.requireNonNull(desiredSha256, "desiredSha256");
        Objects.requireNonNull(record, "record");
        notes = List.copyOf(notes);
    }

    /** The same plan with these notes from its store. */
    public TargetPlan withNotes(List<String> storeNotes) {
        return new TargetPlan(target, type, layout, secrets, liveEntries, changes, liveSha256, desiredSha256, record,
                drift, storeNotes);
    }

    /** Whether the target already holds exactly the desired content (same SHA-256): nothing to write. */
    public boolean upToDate() {
        return liveSha256.equals(desiredSha256);
    }

    public long count(EntryChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** The share of the target's entries this plan changes or deletes (0 for a target that holds nothing). */
    public double changeRatio() {
        if (liveEntries == 0) {
            return 0;
        }
        return (double) (count(EntryChange.Kind.CHANGED) + count(EntryChange.Kind.DELETED)) / liveEntries;
    }

    /** The names of the entries of one kind, in name order. */
    public List<String> names(EntryChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).map(EntryChange::name).toList();
    }
}
