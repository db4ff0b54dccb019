package io.configcicd.core.validate.rules;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.model.Severity;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.EnvironmentFilter;
import io.configcicd.core.validate.EnvironmentScoped;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.validate.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The common part of the rules declared under {@code rules:} in {@code config-cicd.yaml}. */
public abstract class DeclaredRule implements ValidationRule, EnvironmentScoped {

    private final RuleSpec spec;

    protected DeclaredRule(RuleSpec spec) {
        this.spec = spec;
    }

    public RuleSpec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public Severity defaultSeverity() {
        return spec.severity();
    }

    @Override
    public EnvironmentFilter environments() {
        return spec.environments();
    }

    /** A violation with the declared message if there is one (placeholders filled), else {@code detail}. */
    protected Violation violation(ConfigPath path, Origin origin, ConfigNode value, String detail) {
        String message = spec.message()
                .map(t -> t.replace("{path}", path.toString()).replace("{value}", plain(path, value)))
                .orElse(path + ": " + detail);
        return Violation.of(path, origin, message);
    }

    /** The value as a message shows it: strings quoted, secrets masked, containers by their kind. */
    protected String show(ConfigPath path, ConfigNode value) {
        if (value instanceof ConfigScalar s && s.type() == ScalarType.STRING && !isSecret(path)) {
            return "'" + s.value() + "'";
        }
        return plain(path, value);
    }

    private String plain(ConfigPath path, ConfigNode value) {
        if (value == null) {
            return "(missing)";
        }
        if (isSecret(path)) {
            return SecretMasker.MASK;
        }
        return value instanceof ConfigScalar s ? s.asText() : "a " + value.typeName();
    }

    private boolean isSecret(ConfigPath path) {
        return spec.masker().isSecret(path);
    }

    /** The number a scalar holds, if it holds one (integers and floats, not text). */
    protected static Optional<BigDecimal> number(ConfigNode node) {
        if (node instanceof ConfigScalar s && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.FLOAT)) {
            try {
                return Optional.of(new BigDecimal(s.value().toString()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Where to point for a path that does not exist: the key of its nearest existing ancestor. */
    protected static Origin nearestOrigin(ConfigNode root, ConfigPath path) {
        List<ConfigPath.Segment> s = path.segments();
        for (int i = s.size() - 1; i >= 1; i--) {
            ConfigNode parent = ConfigNodes.at(root, ConfigPath.of(s.subList(0, i - 1)));
            ConfigNode node = parent == null ? null : ConfigNodes.at(parent, ConfigPath.of(s.subList(i - 1, i)));
            if (node != null) {
                return parent instanceof ConfigMap m && s.get(i - 1) instanceof ConfigPath.Key k
                        ? m.keyOrigin(k.name()) : node.origin();
            }
        }
        return root.origin();
    }

    /** {@code file:line} of a value, or "an unknown place". */
    protected static String where(Origin origin) {
        return origin.isKnown() ? origin.toString() : "an unknown place";
    }
}
