package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code type: resource-limit}: every quantity the path finds ({@code 512Mi}, {@code 1GB}, {@code 500m},
 * {@code 1.5}) lies within [min, max], compared in base units (see {@link Quantity}). A value that is not a
 * quantity is a violation at its origin; nulls are skipped.
 */
public final class ResourceLimitRule extends DeclaredRule {

    private final PathGlob path;
    private final Optional<Quantity> min;
    private final Optional<Quantity> max;

    public ResourceLimitRule(RuleSpec spec, PathGlob path, Optional<Quantity> min, Optional<Quantity> max) {
        super(spec);
        this.path = path;
        this.min = min;
        this.max = max;
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> out = new ArrayList<>();
        for (PathGlob.Match m : path.find(context.effective())) {
            if (m.node().isNull()) {
                continue;
            }
            Optional<Quantity> q = quantity(m);
            String shown = show(m.path(), m.node());
            if (q.isEmpty()) {
                out.add(violation(m.path(), m.origin(), m.node(), shown
                        + " is not a resource quantity (write for example 512Mi, 1GB, 1.5 or 500m)"));
            } else if (min.isPresent() && q.get().compareTo(min.get()) < 0) {
                out.add(violation(m.path(), m.origin(), m.node(), shown + " is below the minimum " + min.get()));
            } else if (max.isPresent() && q.get().compareTo(max.get()) > 0) {
                out.add(violation(m.path(), m.origin(), m.node(), shown + " is above the maximum " + max.get()));
            }
        }
        return out;
    }

    private static Optional<Quantity> quantity(PathGlob.Match m) {
        if (m.node() instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return Quantity.tryParse((String) s.value());
        }
        return number(m.node()).map(n -> Quantity.of(n, ((ConfigScalar) m.node()).asText()));
    }
}
