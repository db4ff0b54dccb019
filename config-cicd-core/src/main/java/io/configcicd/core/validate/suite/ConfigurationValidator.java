package io.configcicd.core.validate.suite;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.validate.EnvironmentFilter;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.ValidationEngine;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.validate.ValidationRun;
import io.configcicd.core.validate.WaivedFinding;
import io.configcicd.core.validate.Waivers;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.DirectoryProblem;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.source.Snapshot;
import io.configcicd.core.validate.policy.SecurityPolicy;
import io.configcicd.core.validate.rules.DeclaredRules;
import io.configcicd.core.validate.rules.ValidationSettings;
import io.configcicd.core.validate.schema.JsonSchemaRule;
import io.configcicd.core.validate.schema.SchemaOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The validator of a configuration directory (the original design's {@code ConfigurationValidator}): the rules
 * of the directory (JSON Schema for {@code schemas/}, the rules declared in {@code config-cicd.yaml}, the built-in
 * security policy) with the settings' severities, disabled rules and waivers applied, plus any rule a program adds.
 * It runs every rule on the effective configuration of each environment asked for; cross-environment rules see
 * every environment.
 */
public final class ConfigurationValidator {

    private final Snapshot source;
    private final ValidationSettings settings;
    private final ValidationEngine engine;

    private ConfigurationValidator(Snapshot source) {
        this.source = source;
        Settings parsed = source.settings();
        this.settings = ValidationSettings.from(parsed.raw());
        List<ValidationRule> rules = new ArrayList<>();
        Map<String, ConfigMap> schemas = source.schemaDocuments();
        if (!schemas.isEmpty()) {
            rules.add(JsonSchemaRule.of(schemas, parsed.secretKeys(), settings.strict(),
                    new SchemaOptions(settings.assertFormats())));
        }
        rules.addAll(DeclaredRules.from(parsed.raw()));
        rules.addAll(SecurityPolicy.rules(parsed));
        this.engine = new ValidationEngine();
        for (ValidationRule rule : rules) {
            if (!settings.disabled().contains(rule.id())) {
                engine.add(rule);
            }
        }
        engine.overrideSeverities(settings.severities());
    }

    /**
     * The validator of another source than a directory on disk, such as a git commit read from git's objects.
     * It validates like the directory's own.
     *
     * @throws ConfigCicdException bad input when the settings' rules or the schema documents are malformed
     */
    public static ConfigurationValidator of(Snapshot source) {
        return new ConfigurationValidator(source);
    }

    /** The settings of {@code validation:} and {@code waivers:}. */
    public ValidationSettings settings() {
        return settings;
    }

    /** The rules that run, in order. */
    public List<ValidationRule> rules() {
        return engine.rules();
    }

    /**
     * Adds a rule for every environment (or where the rule says, if it is
     * {@link io.configcicd.core.validate.EnvironmentScoped}).
     *
     * @throws IllegalArgumentException when a rule with that id is already there
     */
    public ConfigurationValidator addValidationRule(ValidationRule rule) {
        engine.add(rule);
        return this;
    }

    public ConfigurationValidator addValidationRule(ValidationRule rule, EnvironmentFilter environments) {
        engine.add(rule, environments);
        return this;
    }

    /** Removes a rule by id, a built-in or declared one included; false when there was none. */
    public boolean removeValidationRule(String ruleId) {
        return engine.remove(ruleId);
    }

    /**
     * Validates the effective configuration of each environment given (every one when the list is empty),
     * waivers applied as of {@code today}.
     *
     * @throws ConfigCicdException bad input for an unknown environment or an unreadable file
     */
    public ValidationRun validate(List<String> environments, LocalDate today) {
        return validate(environments, today, source::effective);
    }

    /**
     * Checks a change before it is written: validates environment {@code env} as it would be with document
     * {@code file} replaced by {@code candidate}, and refuses the change when it introduces a finding (one that is
     * not there now) at or above the directory's threshold ({@code validation.fail_on}, default error).
     *
     * @throws ConfigCicdException of kind FINDINGS naming the findings the change would introduce
     */
    public void checkCandidate(String env, String file, Snapshot candidate, LocalDate today) {
        Set<String> before = new HashSet<>();
        validate(List.of(env), today).findings().forEach(f -> before.add(key(f)));
        ValidationRun after = validate(List.of(env), today,
                candidate::effective);
        Severity threshold = settings.failOn().orElse(Severity.ERROR);
        List<Finding> introduced = after.findings().stream()
                .filter(f -> f.severity().atLeast(threshold) && !before.contains(key(f))).toList();
        if (!introduced.isEmpty()) {
            StringBuilder problem = new StringBuilder("the change to " + file + " is refused: it would introduce "
                    + introduced.size() + " finding(s) in " + env + ":");
            introduced.forEach(f -> problem.append("\n  ").append(f.severity().word()).append(" [").append(f.ruleId())
                    .append("] ").append(f.message()));
            throw new ConfigCicdException(ErrorKind.FINDINGS, introduced.get(0).origin(), problem.toString(),
                    "change the value so that it passes, or waive the rule for that path in " + Settings.FILE_NAME);
        }
    }

    private static String key(Finding f) {
        return f.ruleId() + "\u0000" + f.environment() + "\u0000" + f.path() + "\u0000" + f.message();
    }

    private ValidationRun validate(List<String> environments, LocalDate today,
                                   Function<String, ConfigMap> effectiveOf) {
        List<String> all = source.environments();
        List<DirectoryProblem> problems = source.problems();
        if (all.isEmpty()) {
            if (!problems.isEmpty()) {
                throw problems.get(0).error();
            }
            throw ConfigCicdException.badInput(source.describe() + " has no environments",
                    "add environments/<name>.yaml or declare environments: in " + Settings.FILE_NAME);
        }
        List<String> selected = environments.isEmpty() ? all : environments;
        Map<String, ConfigMap> effective = new LinkedHashMap<>();
        for (String env : all) {
            effective.put(env, effectiveOf.apply(env));
        }
        Settings parsed = source.settings();
        List<RuleContext> contexts = new ArrayList<>();
        for (String env : selected) {
            if (!effective.containsKey(env)) {
                effectiveOf.apply(env);
            }
            contexts.add(new RuleContext(env, effective.get(env), parsed.isProtected(env), effective));
        }
        List<Finding> findings = new ArrayList<>(engine.run(contexts).findings());
        for (DirectoryProblem p : problems) {
            findings.add(new Finding(p.ruleId(), Severity.ERROR, selected.get(0), ConfigPath.root(), p.origin(),
                    p.problem() + ": " + p.hint(), Optional.empty()));
        }
        Waivers.Outcome outcome = Waivers.apply(findings, settings.waivers(), today, selected.get(0));
        List<String> ids = engine.rules().stream().map(ValidationRule::id).toList();
        if (outcome.findings().isEmpty() && outcome.waived().isEmpty()) {
            return new ValidationRun(selected, List.of(), List.of(), ids);
        }
        OutputMasker secrets = secretsOf(parsed, effective.values());
        return new ValidationRun(selected,
                outcome.findings().stream().map(f -> f.withMessage(secrets.mask(f.message()))).toList(),
                outcome.waived().stream().map(w -> new WaivedFinding(
                        w.finding().withMessage(secrets.mask(w.finding().message())), w.waiver())).toList(),
                ids);
    }

    /**
     * The secrets of the configurations validated: a rule may quote a value (a schema message says what it found),
     * and the source may be a commit whose secrets the work tree no longer has, so messages are masked here, with
     * the secrets of what was validated, before any front end sees them.
     */
    private static OutputMasker secretsOf(Settings settings, java.util.Collection<ConfigMap> configurations) {
        OutputMasker.Builder b = OutputMasker.builder(new SecretMasker(settings.secretKeys()));
        configurations.forEach(b::addSecretsOf);
        return b.build();
    }
}
