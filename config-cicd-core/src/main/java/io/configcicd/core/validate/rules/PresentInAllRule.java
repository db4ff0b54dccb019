package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code type: cross-environment, kind: present-in-all}: a path the globs find in one of the rule's
 * environments must exist in each of the others. It is reported in the environment that lacks it, at the
 * nearest existing parent, naming the environment and file:line where it exists. A missing parent is
 * reported once, not once per key under it.
 */
public final class PresentInAllRule extends DeclaredRule {

    private final List<PathGlob> paths;

    public PresentInAllRule(RuleSpec spec, List<PathGlob> paths) {
        super(spec);
        this.paths = List.copyOf(paths);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> out = new ArrayList<>();
        List<ConfigPath> reported = new ArrayList<>();
        ConfigMap here = context.effective();
        for (Map.Entry<String, ConfigMap> other : others(context).entrySet()) {
            for (PathGlob glob : paths) {
                for (PathGlob.Match m : glob.find(other.getValue())) {
                    if (ConfigNodes.at(here, m.path()) != null || m.path().isRoot()
                            || reported.stream().anyMatch(m.path()::startsWith)) {
                        continue;
                    }
                    reported.add(m.path());
                    out.add(violation(m.path(), nearestOrigin(here, m.path()), null, "is missing in "
                            + context.environment() + " but present in " + other.getKey() + " at "
                            + where(m.origin())));
                }
            }
        }
        return out;
    }

    private Map<String, ConfigMap> others(RuleContext context) {
        Map<String, ConfigMap> out = new TreeMap<>();
        context.allEnvironments().forEach((name, root) -> {
            if (!name.equals(context.environment()) && environments().matches(name)) {
                out.put(name, root);
            }
        });
        return out;
    }
}
