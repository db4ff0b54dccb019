package io.configcicd.core.validate.policy;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.ValidationEngine;
import io.configcicd.core.validate.ValidationRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** YAML-built configurations with real origins, and one-call runs of policy rules over them. */
final class PolicyFixtures {

    static final String BASE = "global/base.yaml";
    static final String PRODUCTION = "environments/production.yaml";

    private PolicyFixtures() {
    }

    /** Parses YAML text as the file {@code file}; a text block's lines are the file's lines. */
    static ConfigMap yaml(String file, String text) {
        return (ConfigMap) new YamlCodec().parse(text.getBytes(StandardCharsets.UTF_8), file, LoadLimits.DEFAULT);
    }

    static Settings settings(String text) {
        return Settings.from(yaml(Settings.FILE_NAME, text));
    }

    /** Base + production override, as the loader merges them. */
    static ConfigMap production(String baseText, String productionText) {
        return Merger.merge(List.of(yaml(BASE, baseText), yaml(PRODUCTION, productionText)));
    }

    static RuleContext context(String environment, ConfigMap effective, boolean isProtected) {
        return new RuleContext(environment, effective, isProtected, Map.of(environment, effective));
    }

    /** Runs the rules through the engine, as the product does, over one environment. */
    static List<Finding> run(List<ValidationRule> rules, RuleContext context) {
        return new ValidationEngine(rules).run(context).findings();
    }

    static List<Finding> run(ValidationRule rule, RuleContext context) {
        return run(List.of(rule), context);
    }

    /** Runs the rules over {@code text} as {@code global/base.yaml} alone, in a protected production. */
    static List<Finding> inProduction(ValidationRule rule, String text) {
        return run(rule, context("production", yaml(BASE, text), true));
    }

    /** The same, in an unprotected development. */
    static List<Finding> inDevelopment(ValidationRule rule, String text) {
        return run(rule, context("development", yaml(BASE, text), false));
    }

    /** {@code file:line:column} of a finding, as a user reads it. */
    static String where(Finding f) {
        return f.origin().toString();
    }
}
