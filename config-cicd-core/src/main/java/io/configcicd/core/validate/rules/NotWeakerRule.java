package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code type: cross-environment, kind: not-weaker}: in a protected environment, a boolean security switch the
 * globs find ({@code security.**.enabled}) may not be {@code false} where the base has {@code true}. The base
 * is the {@code compare_to} environment, or else every environment that is not protected. A key the protected
 * environment does not set is not compared.
 */
public final class NotWeakerRule extends DeclaredRule {

    private final List<PathGlob> paths;
    private final Optional<String> compareTo;
    private final Predicate<String> isProtected;

    public NotWeakerRule(RuleSpec spec, List<PathGlob> paths, Optional<String> compareTo,
                         Predicate<String> isProtected) {
        super(spec);
        this.paths = List.copyOf(paths);
        this.compareTo = compareTo;
        this.isProtected = isProtected;
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.isProtected()) {
            return List.of();
        }
        if (compareTo.isPresent() && !context.allEnvironments().containsKey(compareTo.get())) {
            return List.of(Violation.of(ConfigPath.root(), spec().declaredAt(),
                    "rule '" + id() + "': compare_to names environment '" + compareTo.get()
                            + "', which has no configuration"));
        }
        Map<String, ConfigMap> bases = bases(context);
        List<Violation> out = new ArrayList<>();
        for (PathGlob glob : paths) {
            for (PathGlob.Match m : glob.find(context.effective())) {
                if (!isBoolean(m.node(), false)) {
                    continue;
                }
                List<String> stronger = bases.entrySet().stream()
                        .filter(b -> isBoolean(ConfigNodes.at(b.getValue(), m.path()), true))
                        .map(b -> b.getKey() + " (" + where(ConfigNodes.at(b.getValue(), m.path()).origin()) + ")")
                        .collect(Collectors.toList());
                if (!stronger.isEmpty()) {
                    out.add(violation(m.path(), m.origin(), m.node(), "is false in protected environment "
                            + context.environment() + " but true in " + String.join(", ", stronger)));
                }
            }
        }
        return out;
    }

    private Map<String, ConfigMap> bases(RuleContext context) {
        Map<String, ConfigMap> out = new TreeMap<>();
        if (compareTo.isPresent()) {
            out.put(compareTo.get(), context.allEnvironments().get(compareTo.get()));
            return out;
        }
        context.allEnvironments().forEach((name, root) -> {
            if (!name.equals(context.environment()) && !isProtected.test(name)) {
                out.put(name, root);
            }
        });
        return out;
    }

    private static boolean isBoolean(ConfigNode node, boolean value) {
        return node instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN && s.value().equals(value);
    }
}
