package io.configcicd.core.diff;

import io.configcicd.core.security.crypto.SecretChange;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.security.OutputMasker;
import java.util.Objects;
import java.util.Optional;

/**
 * One key-level difference between two configurations. {@link #before()} and {@link #after()} are the
 * values without their merge history; {@link #beforeOrigin()} and {@link #afterOrigin()} say which
 * file:line wrote them. At a secret path both values are empty and {@link #secret()} tells what happened
 * (the value is never carried); at an ordinary path whose list or mapping value holds secrets, the values
 * are masked copies ({@code SecretMasker.MASK}) and {@link #secret()} tells whether those secrets changed.
 *
 * @param path         where the change is
 * @param type         added (only after), removed (only before) or modified (both, different values)
 * @param before       the value before, empty when added or secret
 * @param after        the value after, empty when removed or secret
 * @param beforeOrigin where the value before was written, empty when added
 * @param afterOrigin  where the value after was written, empty when removed
 * @param secret       what happened to secrets at or under this path, empty when none is involved
 */
public record Change(ConfigPath path, Type type, Optional<ConfigNode> before, Optional<ConfigNode> after,
                     Optional<Origin> beforeOrigin, Optional<Origin> afterOrigin, Optional<SecretChange> secret) {

    /** The kind of a change. */
    public enum Type {
        ADDED,
        REMOVED,
        MODIFIED;

        /** Lower-case word for reports: added, removed, modified. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The sign text output puts before a changed path: {@code +}, {@code -} or {@code ~}. */
        public String sign() {
            return switch (this) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case MODIFIED -> "~";
            };
        }
    }

    public Change {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(beforeOrigin, "beforeOrigin");
        Objects.requireNonNull(afterOrigin, "afterOrigin");
        Objects.requireNonNull(secret, "secret");
    }

    /**
     * This change with its values masked by {@code masker} ({@link OutputMasker#mask(ConfigNode)}): secrets that
     * sit inside ordinary values, such as a password in a connection string or a base64 copy of a secret. A scalar
     * change whose values differ only in what the masker hides is marked {@link SecretChange#ROTATED}. The same
     * instance when nothing is masked.
     */
    public Change maskedWith(OutputMasker masker) {
        Optional<ConfigNode> b = before.map(masker::mask);
        Optional<ConfigNode> a = after.map(masker::mask);
        if (sameNode(b, before) && sameNode(a, after)) {
            return this;
        }
        Optional<SecretChange> status = secret;
        if (status.isEmpty() && b.isPresent() && a.isPresent() && b.get().sameValue(a.get())) {
            status = Optional.of(SecretChange.ROTATED);
        }
        return new Change(path, type, b, a, beforeOrigin, afterOrigin, status);
    }

    private static boolean sameNode(Optional<ConfigNode> x, Optional<ConfigNode> y) {
        return x.isEmpty() || x.get() == y.get();
    }

    /** Whether the path itself is a secret, so neither value is carried. */
    public boolean isSecret() {
        return secret.isPresent() && before.isEmpty() && after.isEmpty();
    }

    /** The first key of the path: the top-level section the change belongs to. */
    public String section() {
        ConfigPath.Segment first = path.segments().isEmpty() ? null : path.segments().get(0);
        return first instanceof ConfigPath.Key k ? k.name() : "";
    }
}
