package io.configcicd.core.validate;

import static io.configcicd.core.validate.RuleFixtures.messages;
import static io.configcicd.core.validate.RuleFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.Severity;
import org.junit.jupiter.api.Test;

/** required, type, range, enum and pattern rules declared in config-cicd.yaml, run over parsed YAML. */
class ValueRulesTest {

    private static final String CONFIG = """
            metadata:
              name: kgot-alita
              version: "1.2"
            kgot:
              reasoning_depth: 42
              cache_ttl: ten
              debug: null
            services:
              manager_agent:
                port: 8080
                log_level: verbose
              web:
                log_level: info
            """;

    @Test
    void requiredReportsMissingKeysAtTheirParentAndNullsAtThemselves() {
        ValidationResult result = run("""
                rules:
                  - id: must-have
                    type: required
                    paths: [metadata.name, metadata.owner, kgot.debug, services.*.port]
                """, CONFIG);

        assertThat(result.findings()).extracting(f -> f.path().toString(), f -> f.origin().line())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("metadata.owner", 1),
                        org.assertj.core.groups.Tuple.tuple("kgot.debug", 7),
                        org.assertj.core.groups.Tuple.tuple("services.web.port", 12));
        assertThat(messages(result)).contains("metadata.owner: is required but missing",
                "kgot.debug: is required but null");
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.origin().file()).isEqualTo("global/base.yaml");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.ruleId()).isEqualTo("must-have");
        });
    }

    @Test
    void requiredPassesWhenEverythingIsThere() {
        assertThat(run("""
                rules:
                  - {id: must-have, type: required, paths: [metadata.name, services.*.log_level]}
                """, CONFIG).isClean()).isTrue();
    }

    @Test
    void typeNamesTheExpectedAndTheFoundTypeAndValue() {
        ValidationResult result = run("""
                rules:
                  - {id: ttl-int, type: type, path: kgot.cache_ttl, expected: integer}
                  - {id: ports-int, type: type, path: services.*.port, expected: number}
                  - {id: svc-map, type: type, path: services.*, expected: mapping}
                """, CONFIG);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.path().toString()).isEqualTo("kgot.cache_ttl");
            assertThat(f.origin().line()).isEqualTo(6);
            assertThat(f.message()).isEqualTo("kgot.cache_ttl: expected integer, found string 'ten'");
        });
    }

    @Test
    void rangeIsInclusiveAndNamesTheValueAndTheBound() {
        ValidationResult result = run("""
                rules:
                  - {id: depth, type: range, path: kgot.reasoning_depth, min: 1, max: 10}
                  - {id: ports, type: range, path: services.*.port, min: 1024, max: 8080}
                """, CONFIG);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("depth");
            assertThat(f.origin().line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("kgot.reasoning_depth: 42 is above the maximum 10");
        });
    }

    @Test
    void rangeReportsAValueThatIsNotANumber() {
        assertThat(messages(run("""
                rules:
                  - {id: ttl, type: range, path: kgot.cache_ttl, min: 0}
                """, CONFIG))).containsExactly("kgot.cache_ttl: expected a number, found string 'ten'");
    }

    @Test
    void enumListsTheAllowedValues() {
        ValidationResult result = run("""
                rules:
                  - id: log-levels
                    type: enum
                    path: services.*.log_level
                    values: [debug, info, warn, error]
                """, CONFIG);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.path().toString()).isEqualTo("services.manager_agent.log_level");
            assertThat(f.origin().line()).isEqualTo(11);
            assertThat(f.message()).isEqualTo(
                    "services.manager_agent.log_level: 'verbose' is not one of [debug, info, warn, error]");
        });
    }

    @Test
    void enumComparesNumbersByValue() {
        assertThat(run("""
                rules:
                  - {id: depth, type: enum, path: kgot.reasoning_depth, values: [42.0, 7]}
                """, CONFIG).isClean()).isTrue();
    }

    @Test
    void patternMustMatchTheWholeText() {
        ValidationResult result = run("""
                rules:
                  - {id: semver, type: pattern, path: metadata.version, regex: "\\\\d+\\\\.\\\\d+\\\\.\\\\d+"}
                  - {id: name, type: pattern, path: metadata.name, regex: "[a-z-]+"}
                  - {id: part, type: pattern, path: metadata.name, regex: "kgot"}
                """, CONFIG);

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("semver", "part");
        assertThat(result.forRule("semver")).singleElement().satisfies(f -> {
            assertThat(f.origin().line()).isEqualTo(3);
            assertThat(f.message()).contains("'1.2' does not match");
        });
    }

    @Test
    void declaredMessageFillsPathAndValue() {
        ValidationResult result = run("""
                rules:
                  - id: depth
                    type: range
                    path: kgot.reasoning_depth
                    max: 10
                    severity: warning
                    message: "{path} is {value}; deeper than 10 makes requests time out"
                """, CONFIG);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("kgot.reasoning_depth is 42; deeper than 10 makes requests time out");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void secretValuesAreMaskedInMessages() {
        ValidationResult result = run("""
                rules:
                  - {id: pw, type: pattern, path: db.password, regex: "\\\\$\\\\{[A-Z_]+\\\\}", message: "{path}={value}"}
                """, """
                db:
                  password: hunter2
                """);

        assertThat(messages(result)).containsExactly("db.password=******");
    }
}
