package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule whose values lie within [min, max] once read as a {@code T} (a number, a resource quantity): every value the
 * path finds that cannot be read, or lies outside, is a violation at its origin; nulls are skipped.
 */
abstract class BoundedRule<T extends Comparable<T>> extends DeclaredRule {

    private final PathGlob path;
    private final Optional<T> min;
    private final Optional<T> max;

    BoundedRule(RuleSpec spec, PathGlob path, Optional<T> min, Optional<T> max) {
        super(spec);
        this.path = path;
        this.min = min;
        this.max = max;
    }

    /** The value read as a {@code T}; empty when it is not one. */
    abstract Optional<T> read(PathGlob.Match match);

    /** What to say of a value that is not a {@code T}, given how it is shown. */
    abstract String notReadable(PathGlob.Match match, String shown);

    /** A bound as messages write it. */
    abstract String describe(T bound);

    @Override
    public final List<Violation> check(RuleContext context) {
        List<Violation> out = new ArrayList<>();
        for (PathGlob.Match m : path.find(context.effective())) {
            if (m.node().isNull()) {
                continue;
            }
            Optional<T> value = read(m);
            String shown = show(m.path(), m.node());
            if (value.isEmpty()) {
                out.add(violation(m.path(), m.origin(), m.node(), notReadable(m, shown)));
            } else if (min.isPresent() && value.get().compareTo(min.get()) < 0) {
                out.add(violation(m.path(), m.origin(), m.node(), shown + " is below the minimum " + describe(min.get())));
            } else if (max.isPresent() && value.get().compareTo(max.get()) > 0) {
                out.add(violation(m.path(), m.origin(), m.node(), shown + " is above the maximum " + describe(max.get())));
            }
        }
        return out;
    }
}
