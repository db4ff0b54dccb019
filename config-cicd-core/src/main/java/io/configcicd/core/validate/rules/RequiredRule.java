package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code type: required}: every path must exist and not be null. In a path with wildcards
 * ({@code services.*.port}) the part before the first wildcard must exist, and every value the wildcard part
 * finds must hold the rest ({@code port}) and not null.
 */
public final class RequiredRule extends DeclaredRule {

    private final List<PathGlob> paths;

    public RequiredRule(RuleSpec spec, List<PathGlob> paths) {
        super(spec);
        this.paths = List.copyOf(paths);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> out = new ArrayList<>();
        for (PathGlob glob : paths) {
            List<ConfigPath.Segment> s = glob.segments();
            int first = firstWildcard(glob);
            if (first < 0) {
                requireAt(context.effective(), ConfigPath.of(s), out);
                continue;
            }
            ConfigPath literal = ConfigPath.of(s.subList(0, first));
            if (!requireAt(context.effective(), literal, out)) {
                continue;
            }
            int last = lastWildcard(glob);
            ConfigPath rest = ConfigPath.of(s.subList(last + 1, s.size()));
            for (PathGlob.Match m : glob.prefix(last + 1).find(context.effective())) {
                ConfigPath full = ConfigPath.of(concat(m.path().segments(), rest.segments()));
                requireAt(context.effective(), full, out);
            }
        }
        return out;
    }

    private boolean requireAt(ConfigNode root, ConfigPath path, List<Violation> out) {
        ConfigNode node = ConfigNodes.at(root, path);
        if (node == null) {
            out.add(violation(path, nearestOrigin(root, path), null, "is required but missing"));
            return false;
        }
        if (node.isNull()) {
            out.add(violation(path, node.origin(), node, "is required but null"));
            return false;
        }
        return true;
    }

    private static int firstWildcard(PathGlob glob) {
        for (int i = 0; i < glob.segments().size(); i++) {
            if (isWildcard(glob.segments().get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastWildcard(PathGlob glob) {
        for (int i = glob.segments().size() - 1; i >= 0; i--) {
            if (isWildcard(glob.segments().get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWildcard(ConfigPath.Segment s) {
        return s instanceof ConfigPath.Key k && k.name().contains("*");
    }

    private static List<ConfigPath.Segment> concat(List<ConfigPath.Segment> a, List<ConfigPath.Segment> b) {
        List<ConfigPath.Segment> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
