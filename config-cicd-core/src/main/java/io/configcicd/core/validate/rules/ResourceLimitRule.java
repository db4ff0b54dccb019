package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import java.util.Optional;

/**
 * {@code type: resource-limit}: every quantity the path finds ({@code 512Mi}, {@code 1GB}, {@code 500m},
 * {@code 1.5}) lies within [min, max], compared in base units (see {@link Quantity}). A value that is not a
 * quantity is a violation at its origin; nulls are skipped.
 */
public final class ResourceLimitRule extends BoundedRule<Quantity> {

    public ResourceLimitRule(RuleSpec spec, PathGlob path, Optional<Quantity> min, Optional<Quantity> max) {
        super(spec, path, min, max);
    }

    @Override
    Optional<Quantity> read(PathGlob.Match match) {
        return quantity(match);
    }

    @Override
    String notReadable(PathGlob.Match match, String shown) {
        return shown + " is not a resource quantity (write for example 512Mi, 1GB, 1.5 or 500m)";
    }

    @Override
    String describe(Quantity bound) {
        return bound.toString();
    }

    private static Optional<Quantity> quantity(PathGlob.Match m) {
        if (m.node() instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return Quantity.tryParse((String) s.value());
        }
        return number(m.node()).map(n -> Quantity.of(n, ((ConfigScalar) m.node()).asText()));
    }
}
