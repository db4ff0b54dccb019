package io.configcicd.core.validate;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.validate.rules.DeclaredRules;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** YAML-built configurations with real origins, and a one-call way to run declared rules over them. */
final class RuleFixtures {

    static final String BASE = "global/base.yaml";

    private RuleFixtures() {
    }

    /** Parses YAML text as the file {@code file}; a text block's lines are the file's lines. */
    static ConfigMap yaml(String file, String text) {
        return (ConfigMap) new YamlCodec().parse(text.getBytes(StandardCharsets.UTF_8), file, LoadLimits.DEFAULT);
    }

    static ConfigMap settings(String text) {
        return yaml("config-cicd.yaml", text);
    }

    /** The effective configuration of base + one environment override. */
    static ConfigMap merged(ConfigMap base, String environment, String overrideText) {
        return Merger.merge(List.of(base, yaml("environments/" + environment + ".yaml", overrideText)));
    }

    /** Runs the rules declared in {@code settingsText} over one environment named "development". */
    static ValidationResult run(String settingsText, String baseText) {
        ConfigMap base = yaml(BASE, baseText);
        return run(settingsText, Map.of("development", base), Set.of());
    }

    static ValidationResult run(String settingsText, Map<String, ConfigMap> environments, Set<String> protectedEnvs) {
        ValidationEngine engine = new ValidationEngine(DeclaredRules.from(settings(settingsText)));
        return engine.run(ValidationEngine.contexts(new LinkedHashMap<>(environments), protectedEnvs::contains));
    }

    static List<String> messages(ValidationResult result) {
        return result.findings().stream().map(Finding::message).toList();
    }
}
