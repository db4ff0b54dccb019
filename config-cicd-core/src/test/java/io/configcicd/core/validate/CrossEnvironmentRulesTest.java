package io.configcicd.core.validate;

import static io.configcicd.core.validate.RuleFixtures.merged;
import static io.configcicd.core.validate.RuleFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossEnvironmentRulesTest {

    private static final ConfigMap BASE = RuleFixtures.yaml(RuleFixtures.BASE, """
            features:
              caching: true
            security:
              tls: {enabled: true}
              audit: {enabled: true}
            """);

    private static Map<String, ConfigMap> environments() {
        Map<String, ConfigMap> envs = new LinkedHashMap<>();
        envs.put("development", merged(BASE, "development", """
                features: {experimental_ui: true}
                security: {audit: {enabled: false}}
                """));
        envs.put("staging", merged(BASE, "staging", """
                features:
                  experimental_ui: false
                  beta: {flag: true}
                """));
        envs.put("production", merged(BASE, "production", """
                security:
                  tls: {enabled: false}
                """));
        return envs;
    }

    @Test
    void presentInAllReportsTheEnvironmentThatLacksTheKeyNamingWhereItExists() {
        ValidationResult result = run("""
                rules:
                  - id: same-features
                    type: cross-environment
                    kind: present-in-all
                    paths: ["features.**"]
                    environments: [development, staging, production]
                """, environments(), Set.of("production"));

        assertThat(result.findings()).extracting(Finding::environment, f -> f.path().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("development", "features.beta"),
                        org.assertj.core.groups.Tuple.tuple("production", "features.beta"),
                        org.assertj.core.groups.Tuple.tuple("production", "features.experimental_ui"));
        assertThat(result.forEnvironment("production")).first().satisfies(f -> {
            assertThat(f.origin().toString()).startsWith("global/base.yaml:1");
            assertThat(f.message()).isEqualTo("features.beta: is missing in production but present in staging "
                    + "at environments/staging.yaml:3:3");
        });
        assertThat(result.forEnvironment("production").get(1).message())
                .contains("present in development at environments/development.yaml:1");
    }

    @Test
    void presentInAllOnlyComparesTheListedEnvironments() {
        ValidationResult result = run("""
                rules:
                  - {id: same-features, type: cross-environment, kind: present-in-all, paths: "features.**",
                     environments: [development, staging]}
                """, environments(), Set.of("production"));

        assertThat(result.findings()).extracting(Finding::environment).containsExactly("development");
    }

    @Test
    void notWeakerReportsASecuritySwitchTurnedOffInProductionNamingEveryStrongerBase() {
        ValidationResult result = run("""
                rules:
                  - {id: no-weaker-security, type: cross-environment, kind: not-weaker, paths: ["security.**.enabled"]}
                """, environments(), Set.of("production"));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.environment()).isEqualTo("production");
            assertThat(f.path().toString()).isEqualTo("security.tls.enabled");
            assertThat(f.origin().toString()).startsWith("environments/production.yaml:2");
            assertThat(f.message()).isEqualTo("security.tls.enabled: is false in protected environment production "
                    + "but true in development (global/base.yaml:4:18), staging (global/base.yaml:4:18)");
        });
    }

    @Test
    void notWeakerComparesWithCompareToOnly() {
        ValidationResult result = run("""
                rules:
                  - id: no-weaker-audit
                    type: cross-environment
                    kind: not-weaker
                    paths: [security.audit.enabled, security.tls.enabled]
                    compare_to: [development]
                """, environments(), Set.of("staging", "production"));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.environment()).isEqualTo("production");
            assertThat(f.message()).endsWith("but true in development (global/base.yaml:4:18)");
        });
    }

    @Test
    void notWeakerIgnoresEnvironmentsThatAreNotProtected() {
        ValidationResult result = run("""
                rules:
                  - {id: no-weaker, type: cross-environment, kind: not-weaker, paths: ["**.enabled"]}
                """, environments(), Set.of());

        assertThat(result.isClean()).isTrue();
    }
}
