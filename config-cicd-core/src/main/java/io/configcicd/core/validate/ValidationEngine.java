package io.configcicd.core.validate;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs rules over environments, in maven-enforcer's shape: rules report {@link Violation}s, the engine turns
 * them into {@link Finding}s with a severity (the override for the rule id if one is set, else the rule's
 * default) and skips rules that do not apply to an environment ({@link EnvironmentScoped} or the filter given
 * to {@link #add(ValidationRule, EnvironmentFilter)}). A rule that throws does not stop the run: it becomes a
 * {@link Severity#CRITICAL} finding carrying the rule id and the exception's message.
 */
public final class ValidationEngine {

    private final Map<String, ValidationRule> rules = new LinkedHashMap<>();
    private final Map<String, EnvironmentFilter> filters = new LinkedHashMap<>();
    private final Map<String, Severity> overrides = new LinkedHashMap<>();

    public ValidationEngine() {
    }

    public ValidationEngine(Collection<? extends ValidationRule> rules) {
        addAll(rules);
    }

    /**
     * Adds a rule; it applies where the rule itself says ({@link EnvironmentScoped}) or everywhere.
     *
     * @throws IllegalArgumentException when a rule with the same id is already registered
     */
    public ValidationEngine add(ValidationRule rule) {
        EnvironmentFilter filter = rule instanceof EnvironmentScoped s ? s.environments() : EnvironmentFilter.ALL;
        return add(rule, filter);
    }

    /** Adds a rule that applies only to the environments the filter matches. */
    public ValidationEngine add(ValidationRule rule, EnvironmentFilter environments) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(environments, "environments");
        if (rules.containsKey(rule.id())) {
            throw new IllegalArgumentException("a rule with id '" + rule.id() + "' is already registered");
        }
        rules.put(rule.id(), rule);
        filters.put(rule.id(), environments);
        return this;
    }

    public ValidationEngine addAll(Collection<? extends ValidationRule> more) {
        more.forEach(this::add);
        return this;
    }

    /** Removes the rule with this id; false when there was none. */
    public boolean remove(String ruleId) {
        filters.remove(ruleId);
        return rules.remove(ruleId) != null;
    }

    public List<ValidationRule> rules() {
        return List.copyOf(rules.values());
    }

    public Optional<ValidationRule> rule(String ruleId) {
        return Optional.ofNullable(rules.get(ruleId));
    }

    /** Reports this rule's violations at {@code severity} instead of its default. */
    public ValidationEngine overrideSeverity(String ruleId, Severity severity) {
        overrides.put(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(severity, "severity"));
        return this;
    }

    public ValidationEngine overrideSeverities(Map<String, Severity> more) {
        more.forEach(this::overrideSeverity);
        return this;
    }

    public Map<String, Severity> severityOverrides() {
        return Map.copyOf(overrides);
    }

    /** The severity this engine gives the rule's violations. */
    public Severity severityOf(ValidationRule rule) {
        return overrides.getOrDefault(rule.id(), rule.defaultSeverity());
    }

    /** One context per environment, for environments whose effective configurations are already known. */
    public static List<RuleContext> contexts(Map<String, ConfigMap> effective, Predicate<String> isProtected) {
        List<RuleContext> out = new ArrayList<>();
        effective.forEach((env, root) -> out.add(new RuleContext(env, root, isProtected.test(env), effective)));
        return out;
    }

    public ValidationResult run(RuleContext context) {
        return run(List.of(context));
    }

    /** Runs every rule on every context it applies to. */
    public ValidationResult run(List<RuleContext> contexts) {
        List<Finding> findings = new ArrayList<>();
        for (RuleContext context : contexts) {
            for (ValidationRule rule : rules.values()) {
                if (filters.get(rule.id()).matches(context.environment())) {
                    findings.addAll(check(rule, context));
                }
            }
        }
        return new ValidationResult(findings);
    }

    private List<Finding> check(ValidationRule rule, RuleContext context) {
        List<Violation> violations;
        try {
            violations = rule.check(context);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(crash(rule, context, describe(e)));
        }
        if (violations == null) {
            return List.of(crash(rule, context, "returned null instead of a list of violations"));
        }
        Severity severity = severityOf(rule);
        List<Finding> out = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            out.add(new Finding(rule.id(), severity, context.environment(), v.path(), v.origin(), v.message(), v.fix()));
        }
        return out;
    }

    private static Finding crash(ValidationRule rule, RuleContext context, String what) {
        return new Finding(rule.id(), Severity.CRITICAL, context.environment(), ConfigPath.root(), Origin.UNKNOWN,
                "rule '" + rule.id() + "' failed: " + what, Optional.empty());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }
}
