package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code type: range}: every number the path finds lies within [min, max]; nulls are skipped. */
public final class RangeRule extends DeclaredRule {

    private final PathGlob path;
    private final Optional<BigDecimal> min;
    private final Optional<BigDecimal> max;

    public RangeRule(RuleSpec spec, PathGlob path, Optional<BigDecimal> min, Optional<BigDecimal> max) {
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
            Optional<BigDecimal> n = number(m.node());
            String shown = show(m.path(), m.node());
            if (n.isEmpty()) {
                out.add(violation(m.path(), m.origin(), m.node(), "expected a number, found "
                        + m.node().typeName() + " " + shown));
            } else if (min.isPresent() && n.get().compareTo(min.get()) < 0) {
                out.add(violation(m.path(), m.origin(), m.node(), shown + " is below the minimum "
                        + min.get().toPlainString()));
            } else if (max.isPresent() && n.get().compareTo(max.get()) > 0) {
                out.add(violation(m.path(), m.origin(), m.node(), shown + " is above the maximum "
                        + max.get().toPlainString()));
            }
        }
        return out;
    }
}
