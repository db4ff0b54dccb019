package io.configcicd.core.api;

import io.configcicd.core.validate.suite.ConfigurationValidator;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Scope;
import io.configcicd.core.model.Severity;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.access.FileReach;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.history.RestoredStateValidator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The validator a file rollback ({@link io.configcicd.core.history.FileRestore}) checks the restored state with: the
 * restored copy's own rules, waivers and threshold (so a restored {@code config-cicd.yaml} counts), plus the rules a
 * program added to the manager's validator (without an environment filter given at add time) and minus those it
 * removed.
 *
 * <pre>
 * new FileRestore(RestoreValidators.of(manager)).rollback(manager.directory(), Scope.GLOBAL, "production",
 *         Optional.empty(), RestoreOptions.defaults());
 * </pre>
 */
public final class RestoreValidators {

    private RestoreValidators() {
    }

    /**
     * The validator of the restored states of {@code manager}'s directory: the environment rolled back, and every
     * environment when the rollback changes a file they all read ({@code global/*}, {@code config-cicd.yaml}).
     */
    public static RestoredStateValidator of(ConfigurationManager manager) {
        return new RestoredStateValidator() {
            @Override
            public List<Finding> failing(Path copy, String env, LocalDate today) {
                return validate(manager, copy, env, false, today);
            }

            @Override
            public List<Finding> failing(Path copy, String env, Set<String> changed, LocalDate today) {
                boolean shared = FileReach.of(changed, List.of()).reachesEveryEnvironment();
                return validate(manager, copy, env, shared, today);
            }
        };
    }

    /**
     * The same, for a rollback done by the principal of {@code governance}: before anything is validated or written,
     * it must hold {@link Permission#ROLLBACK} on every environment the changed files reach, and
     * {@link Permission#ADMIN} when {@code config-cicd.yaml} is among them ({@link Governance#requireFiles}).
     */
    public static RestoredStateValidator of(ConfigurationManager manager, Governance governance) {
        RestoredStateValidator validator = of(manager);
        return new RestoredStateValidator() {
            @Override
            public List<Finding> failing(Path copy, String env, LocalDate today) {
                return validator.failing(copy, env, today);
            }

            @Override
            public List<Finding> failing(Path copy, String env, Set<String> changed, LocalDate today) {
                governance.requireFiles(Permission.ROLLBACK, changed, "rollback");
                return validator.failing(copy, env, changed, today);
            }
        };
    }

    private static List<Finding> validate(ConfigurationManager manager, Path copy, String env, boolean every,
                                          LocalDate today) {
        try (ConfigurationManager candidate = ConfigurationManager.open(copy)) {
            if (candidate.listConfigurations(Scope.GLOBAL).isEmpty()) {
                return List.of();
            }
            ConfigurationValidator validator = candidate.validator();
            carryRules(manager, validator);
            List<String> envs = !every && candidate.directory().hasEnvironment(env) ? List.of(env) : List.of();
            Severity threshold = validator.settings().failOn().orElse(Severity.ERROR);
            return validator.validate(envs, today).findings().stream()
                    .filter(f -> f.severity().atLeast(threshold))
                    .map(f -> every ? f.withMessage(f.message() + " (in " + f.environment() + ")") : f).toList();
        }
    }

    /** Adds the rules a program added to the manager's validator, and removes those it removed. */
    private static void carryRules(ConfigurationManager manager, ConfigurationValidator candidate) {
        Set<String> own = new HashSet<>();
        List<ValidationRule> current;
        try (ConfigurationManager fresh = ConfigurationManager.open(manager.directory().root())) {
            fresh.validator().rules().forEach(r -> own.add(r.id()));
            current = manager.validator().rules();
        } catch (ConfigCicdException e) {
            return; // the current settings do not load: the restored version's own rules decide
        }
        Set<String> present = new HashSet<>();
        candidate.rules().forEach(r -> present.add(r.id()));
        Set<String> kept = new HashSet<>();
        for (ValidationRule r : current) {
            kept.add(r.id());
            if (!own.contains(r.id()) && !present.contains(r.id())) {
                candidate.addValidationRule(r);
            }
        }
        own.stream().filter(id -> !kept.contains(id)).forEach(candidate::removeValidationRule);
    }
}
