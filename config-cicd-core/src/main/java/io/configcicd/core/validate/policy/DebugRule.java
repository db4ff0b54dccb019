package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Fix;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.validate.Violation;
import io.configcicd.core.model.PathGlob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code security.debug} (error, protected environments only): a {@code true} that the globs find
 * ({@code **.debug}, {@code **.debug_mode}, {@code **.debug_*} by default) is reported at its file:line:column,
 * with a fix that sets it to {@code false} in the environment's override document. An unquoted YAML {@code yes}
 * or {@code on} counts as true, as applications reading YAML 1.1 take it ({@link Yaml11Boolean}). Values that are
 * not booleans ({@code debug_level: 3}) are not this rule's business.
 */
public final class DebugRule implements ValidationRule {

    private final PathGlobs paths;

    /** @param paths the globs of debug switches; at least one */
    public DebugRule(List<PathGlob> paths) {
        this.paths = new PathGlobs(paths);
    }

    @Override
    public String id() {
        return SecurityPolicy.DEBUG;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    /** The globs this rule looks at. */
    public List<PathGlob> paths() {
        return paths.globs();
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.isProtected()) {
            return List.of();
        }
        String env = context.environment();
        List<Violation> out = new ArrayList<>();
        for (PathGlob.Match m : paths.find(context.effective())) {
            if (PathGlobs.isBoolean(m.node(), true)) {
                Fix fix = new Fix(m.path(), ConfigScalar.bool(false, Origin.UNKNOWN),
                        "set " + m.path() + " to false in environments/" + env, Fix.Document.ENVIRONMENT);
                out.add(new Violation(m.path(), m.origin(), "debug is on at " + m.path()
                        + " in protected environment " + env + PathGlobs.yaml11Note(m.node()), Optional.of(fix)));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return id() + " " + paths;
    }
}
