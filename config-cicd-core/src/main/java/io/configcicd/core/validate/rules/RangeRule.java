package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import java.math.BigDecimal;
import java.util.Optional;

/** {@code type: range}: every number the path finds lies within [min, max]; nulls are skipped. */
public final class RangeRule extends BoundedRule<BigDecimal> {

    public RangeRule(RuleSpec spec, PathGlob path, Optional<BigDecimal> min, Optional<BigDecimal> max) {
        super(spec, path, min, max);
    }

    @Override
    Optional<BigDecimal> read(PathGlob.Match match) {
        return number(match.node());
    }

    @Override
    String notReadable(PathGlob.Match match, String shown) {
        return "expected a number, found " + match.node().typeName() + " " + shown;
    }

    @Override
    String describe(BigDecimal bound) {
        return bound.toPlainString();
    }
}
