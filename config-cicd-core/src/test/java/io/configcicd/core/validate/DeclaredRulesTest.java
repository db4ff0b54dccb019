package io.configcicd.core.validate;

import static io.configcicd.core.validate.RuleFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.rules.DeclaredRules;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DeclaredRulesTest {

    private static void rejects(String yaml, String where, String problem, String hint) {
        ThrowingCallable parse = () -> DeclaredRules.from(settings(yaml));
        assertThatThrownBy(parse).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.origin().toString()).startsWith(where);
            assertThat(e.problem()).contains(problem);
            assertThat(e.hint()).contains(hint);
        });
    }

    @Test
    void readsEveryTypeWithItsDefaults() {
        List<ValidationRule> rules = DeclaredRules.from(settings("""
                environments:
                  staging: {}
                  production: {protected: true}
                rules:
                  - {id: r1, type: required, paths: [metadata.name]}
                  - {id: r2, type: type, path: kgot.reasoning_depth, expected: integer, severity: warning}
                  - {id: r3, type: range, path: services.*.port, min: 1024}
                  - {id: r4, type: enum, path: log_level, values: [debug, info]}
                  - {id: r5, type: pattern, path: metadata.name, regex: "[a-z-]+"}
                  - {id: r6, type: unique, path: services.*.port}
                  - {id: r7, type: reference, path: models.default_models.*, target: models.model_providers}
                  - {id: r8, type: resource-limit, path: "resources.*.memory", max: 2Gi}
                  - {id: r9, type: cross-environment, kind: present-in-all, paths: "features.**"}
                  - {id: r10, type: cross-environment, kind: not-weaker, paths: ["security.**.enabled"],
                     environments: ["prod*"]}
                """));

        assertThat(rules).extracting(ValidationRule::id)
                .containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10");
        assertThat(rules).extracting(ValidationRule::defaultSeverity).containsOnly(Severity.ERROR, Severity.WARNING);
        assertThat(((EnvironmentScoped) rules.get(9)).environments().matches("production")).isTrue();
        assertThat(((EnvironmentScoped) rules.get(9)).environments().matches("staging")).isFalse();
        assertThat(((EnvironmentScoped) rules.get(0)).environments().matches("anything")).isTrue();
    }

    @Test
    void noRulesSectionMeansNoRules() {
        assertThat(DeclaredRules.from(settings("environments: [development]\n"))).isEmpty();
    }

    @Test
    void rejectsAnInvalidRegexAtItsLine() {
        rejects("""
                rules:
                  - id: name
                    type: pattern
                    path: metadata.name
                    regex: "[a-z"
                """, "config-cicd.yaml:5", "invalid regex '[a-z'", "regular expression");
    }

    @Test
    void rejectsAMissingFieldAtTheEntrySayingWhatToWrite() {
        rejects("""
                rules:
                  - {id: ok, type: required, paths: [a]}
                  - id: depth
                    type: range
                    path: kgot.reasoning_depth
                """, "config-cicd.yaml:3", "rules[1] (id 'depth'): a range rule needs min, max or both", "max: 65535");
        rejects("""
                rules:
                  - type: required
                    paths: [a]
                """, "config-cicd.yaml:2", "rules[0]: field 'id' is required", "id: ");
    }

    @Test
    void rejectsUnknownTypesFieldsAndSeverities() {
        rejects("""
                rules:
                  - {id: a, type: mandatory, paths: [x]}
                """, "config-cicd.yaml:2", "unknown rule type 'mandatory'", "required, type, range");
        rejects("""
                rules:
                  - id: a
                    type: required
                    path: x
                """, "config-cicd.yaml:4", "unknown field 'path' for type required", "paths");
        rejects("""
                rules:
                  - id: a
                    type: required
                    paths: [x]
                    severity: fatal
                """, "config-cicd.yaml:5", "unknown severity 'fatal'", "info, warning, error or critical");
    }

    @Test
    void rejectsWrongValueShapes() {
        rejects("""
                rules:
                  - id: a
                    type: range
                    path: x
                    min: low
                """, "config-cicd.yaml:5", "field 'min' must be a number, found string 'low'", "min: 1");
        rejects("""
                rules:
                  - {id: mem, type: resource-limit, path: x, max: huge}
                """, "config-cicd.yaml:2", "must be a quantity", "max: 2Gi");
        rejects("""
                rules:
                  - {id: t, type: type, path: x, expected: text}
                """, "config-cicd.yaml:2", "unknown type 'text'", "string, integer, number");
        rejects("rules: {id: a}\n", "config-cicd.yaml:1", "rules must be a list", "rules:");
        rejects("rules:\n  - just-a-name\n", "config-cicd.yaml:2", "a rule must be a mapping", "id:");
    }

    @Test
    void rejectsDuplicateIdsNamingTheFirst() {
        rejects("""
                rules:
                  - {id: a, type: required, paths: [x]}
                  - {id: a, type: unique, path: y}
                """, "config-cicd.yaml:3", "rule id 'a' is already used at config-cicd.yaml:2", "its own id");
    }

    @Test
    void rejectsReferenceWithoutExactlyOneTarget() {
        rejects("""
                rules:
                  - {id: ref, type: reference, path: a.*}
                """, "config-cicd.yaml:2", "exactly one of target and target_values", "target: ");
        rejects("""
                rules:
                  - {id: x, type: cross-environment, kind: sometimes, paths: [a]}
                """, "config-cicd.yaml:2", "unknown cross-environment kind 'sometimes'", "not-weaker");
    }
}
