package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code type: unique}: the values the path finds ({@code services.*.port}) are distinct. Every value that
 * occurs more than once is reported at its own origin, naming the other occurrences' paths and file:line.
 * Numbers compare by value ({@code 8080} equals {@code 8080.0}); nulls, lists and mappings are skipped.
 */
public final class UniqueRule extends DeclaredRule {

    private final PathGlob path;

    public UniqueRule(RuleSpec spec, PathGlob path) {
        super(spec);
        this.path = path;
    }

    @Override
    public List<Violation> check(RuleContext context) {
        Map<String, List<PathGlob.Match>> byValue = new LinkedHashMap<>();
        for (PathGlob.Match m : path.find(context.effective())) {
            if (m.node() instanceof ConfigScalar s && !s.isNull()) {
                byValue.computeIfAbsent(key(s), k -> new ArrayList<>()).add(m);
            }
        }
        List<Violation> out = new ArrayList<>();
        for (List<PathGlob.Match> same : byValue.values()) {
            if (same.size() < 2) {
                continue;
            }
            for (PathGlob.Match m : same) {
                String others = same.stream().filter(o -> o != m)
                        .map(o -> o.path() + " (" + where(o.origin()) + ")")
                        .collect(Collectors.joining(", "));
                out.add(violation(m.path(), m.origin(), m.node(), show(m.path(), m.node())
                        + " is not unique: also used at " + others));
            }
        }
        return out;
    }

    private static String key(ConfigScalar s) {
        Optional<BigDecimal> n = number(s);
        return n.map(d -> "n:" + d.stripTrailingZeros().toPlainString())
                .orElseGet(() -> s.typeName() + ":" + s.asText());
    }
}
