package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
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
 * A security switch that must be on in protected environments: {@code security.authentication} and
 * {@code security.encryption} (error). Every value the globs find must be {@code true} (an unquoted YAML
 * {@code yes} or {@code on} counts, and {@code no} or {@code off} is false, as applications reading YAML 1.1 take
 * them: {@link Yaml11Boolean}); a {@code false} is
 * reported at its file:line:column with a fix that sets {@code true} in the environment's override document,
 * and a value that is not a boolean is reported without a fix. When the globs find nothing at all, one
 * violation says so; it offers a fix only when the first glob is a concrete path (no wildcard). Unprotected
 * environments are not checked.
 */
public final class RequiredSwitchRule implements ValidationRule {

    private final String id;
    private final String topic;
    private final PathGlobs paths;

    /**
     * @param id    the rule id, for example {@code security.authentication}
     * @param topic what the switch turns on, for messages: {@code authentication}
     * @param paths the globs of the switches; at least one
     */
    public RequiredSwitchRule(String id, String topic, List<PathGlob> paths) {
        this.id = id;
        this.topic = topic;
        this.paths = new PathGlobs(paths);
    }

    @Override
    public String id() {
        return id;
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
        List<PathGlob.Match> matches = paths.find(context.effective());
        if (matches.isEmpty()) {
            return List.of(missing(env));
        }
        List<Violation> out = new ArrayList<>();
        for (PathGlob.Match m : matches) {
            ConfigNode node = m.node();
            if (PathGlobs.isBoolean(node, true)) {
                continue;
            }
            if (PathGlobs.isBoolean(node, false)) {
                out.add(new Violation(m.path(), m.origin(), topic + " is switched off at " + m.path()
                        + " in protected environment " + env + PathGlobs.yaml11Note(node),
                        Optional.of(setTrue(m.path(), env))));
            } else {
                out.add(Violation.of(m.path(), m.origin(), m.path() + " must be true or false (it switches "
                        + topic + " in protected environment " + env + "), found " + node.typeNameWithArticle()));
            }
        }
        return out;
    }

    private Violation missing(String env) {
        String message = env + " is protected but no " + topic + " setting was found (looked for " + paths + ")";
        PathGlob first = paths.first();
        Optional<Fix> fix = first.hasWildcard() ? Optional.empty()
                : Optional.of(setTrue(ConfigPath.of(first.segments()), env));
        return new Violation(ConfigPath.root(), Origin.UNKNOWN, message, fix);
    }

    private static Fix setTrue(ConfigPath path, String env) {
        return new Fix(path, ConfigScalar.bool(true, Origin.UNKNOWN),
                "set " + path + " to true in environments/" + env, Fix.Document.ENVIRONMENT);
    }

    @Override
    public String toString() {
        return id + " " + paths;
    }
}
