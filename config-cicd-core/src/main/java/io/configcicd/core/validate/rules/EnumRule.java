package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code type: enum}: every value the path finds is one of the listed values; nulls are skipped. */
public final class EnumRule extends DeclaredRule {

    private final PathGlob path;
    private final List<ConfigNode> values;

    public EnumRule(RuleSpec spec, PathGlob path, List<ConfigNode> values) {
        super(spec);
        this.path = path;
        this.values = List.copyOf(values);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> out = new ArrayList<>();
        for (PathGlob.Match m : path.find(context.effective())) {
            if (!m.node().isNull() && values.stream().noneMatch(v -> same(v, m.node()))) {
                out.add(violation(m.path(), m.origin(), m.node(), show(m.path(), m.node())
                        + " is not one of " + allowed()));
            }
        }
        return out;
    }

    private String allowed() {
        return values.stream().map(v -> v instanceof ConfigScalar s ? s.asText() : v.typeName())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean same(ConfigNode allowed, ConfigNode actual) {
        if (allowed.sameValue(actual)) {
            return true;
        }
        Optional<BigDecimal> a = number(allowed);
        Optional<BigDecimal> b = number(actual);
        return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) == 0;
    }
}
