package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DiffService#diff} compares: configuration ({@code scope}, {@code name}) against a git revision
 * ({@link #withVersion}: from the revision to the files on disk) or against another environment ({@link #withCompare}:
 * from {@code name} to the other). Exactly one of the two is given.
 *
 * @param version a commit, tag or branch
 * @param compare another environment
 */
public record DiffRequest(Scope scope, String name, Optional<String> version, Optional<String> compare) {

    public DiffRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(compare, "compare");
    }

    /** Configuration ({@code scope}, {@code name}), not yet compared with anything. */
    public static DiffRequest of(Scope scope, String name) {
        return new DiffRequest(scope, name, Optional.empty(), Optional.empty());
    }

    /** Against git revision {@code revision} (instead of another environment). */
    public DiffRequest withVersion(String revision) {
        return new DiffRequest(scope, name, Optional.of(revision), Optional.empty());
    }

    /** Against environment {@code other} (instead of a git revision). */
    public DiffRequest withCompare(String other) {
        return new DiffRequest(scope, name, Optional.empty(), Optional.of(other));
    }
}
