package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type: reference}: every value the path finds names something that exists: a key of the mapping(s)
 * at {@code target} ({@code models.model_providers}), or, with {@code target_values}, one of the values found
 * there (list items included). Nulls are skipped.
 */
public final class ReferenceRule extends DeclaredRule {

    private static final int SHOWN = 10;

    private final PathGlob path;
    private final Optional<PathGlob> target;
    private final Optional<PathGlob> targetValues;

    public ReferenceRule(RuleSpec spec, PathGlob path, Optional<PathGlob> target, Optional<PathGlob> targetValues) {
        super(spec);
        if (target.isPresent() == targetValues.isPresent()) {
            throw new IllegalArgumentException("give exactly one of target and target_values");
        }
        this.path = path;
        this.target = target;
        this.targetValues = targetValues;
    }

    @Override
    public List<Violation> check(RuleContext context) {
        Set<String> names = names(context.effective());
        List<Violation> out = new ArrayList<>();
        for (PathGlob.Match m : path.find(context.effective())) {
            if (m.node().isNull()) {
                continue;
            }
            if (!(m.node() instanceof ConfigScalar s) || !names.contains(s.asText())) {
                out.add(violation(m.path(), m.origin(), m.node(), show(m.path(), m.node())
                        + " does not name an existing " + description() + "; known: " + known(names)));
            }
        }
        return out;
    }

    private Set<String> names(ConfigNode root) {
        Set<String> out = new LinkedHashSet<>();
        if (target.isPresent()) {
            for (PathGlob.Match m : target.get().find(root)) {
                if (m.node() instanceof ConfigMap map) {
                    out.addAll(map.entries().keySet());
                }
            }
        } else {
            for (PathGlob.Match m : targetValues.get().find(root)) {
                collect(m.node(), out);
            }
        }
        return out;
    }

    private static void collect(ConfigNode node, Set<String> out) {
        if (node instanceof ConfigScalar s && !s.isNull()) {
            out.add(s.asText());
        } else if (node instanceof ConfigList l) {
            l.items().forEach(i -> collect(i, out));
        }
    }

    private String description() {
        return target.map(t -> "key of " + t).orElseGet(() -> "value of " + targetValues.get());
    }

    private static String known(Set<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        List<String> list = new ArrayList<>(names);
        String shown = String.join(", ", list.subList(0, Math.min(SHOWN, list.size())));
        return list.size() > SHOWN ? shown + ", ... (" + list.size() + " in all)" : shown;
    }
}
