package io.configcicd.core.security.crypto;

import java.util.Locale;

/**
 * What happened to a secret between two versions, as a diff reports it without printing the value. Decided by
 * {@link SecretFingerprint#compare}.
 */
public enum SecretChange {
    /** The secret exists only in the new version. */
    ADDED,
    /** The secret exists only in the old version. */
    REMOVED,
    /** Both versions hold the secret and the values differ. */
    ROTATED,
    /** Both versions hold the same value. */
    UNCHANGED;

    /** The word used in reports: {@code added}, {@code removed}, {@code rotated}, {@code unchanged}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
