package io.configcicd.core.deploy;

import java.util.Locale;

/** Where one target stands after a deploy or a store rollback. */
public enum TargetStatus {
    /** A dry run, or a deploy refused before anything was written: the plan only. */
    PLANNED,
    /** The target already held the content: nothing written. */
    UP_TO_DATE,
    /** Written and verified by reading back. */
    APPLIED,
    /** This target's write failed (unreachable, conflict, verify mismatch, size). */
    FAILED,
    /** Written, then put back as the plan read it because another target failed; verified. */
    RESTORED,
    /** Written, and putting it back failed: the target holds the new content (or an unknown one). */
    RESTORE_FAILED,
    /** Not written: a target before it failed. */
    UNTOUCHED;

    /** {@code applied}, {@code restore-failed}, ... as outputs and the journal write it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
