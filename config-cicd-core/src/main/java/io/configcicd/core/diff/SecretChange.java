package io.configcicd.core.diff;

/**
 * What happened to a secret between two configurations, said without the secret itself. A {@link Change}
 * at a secret path carries one of {@link #ADDED}, {@link #REMOVED} or {@link #ROTATED} and never a value.
 * {@link #UNCHANGED} is used by {@link ConfigDiff#secretStatus} (every secret of both sides) and by a change
 * at an ordinary path whose masked value holds secrets that did not change.
 */
public enum SecretChange {
    /** The secret exists only after. */
    ADDED,
    /** The secret exists only before. */
    REMOVED,
    /** The secret exists on both sides with different values (fingerprints differ). */
    ROTATED,
    /** The secret exists on both sides with the same value. */
    UNCHANGED
}
