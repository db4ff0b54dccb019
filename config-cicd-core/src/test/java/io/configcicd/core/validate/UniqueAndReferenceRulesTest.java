package io.configcicd.core.validate;

import static io.configcicd.core.validate.RuleFixtures.messages;
import static io.configcicd.core.validate.RuleFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniqueAndReferenceRulesTest {

    private static final String CONFIG = """
            services:
              manager_agent:
                port: 8080
              web:
                port: 8081
              metrics:
                port: 8080
            models:
              model_providers:
                openai: {api_key: "${OPENAI_API_KEY}"}
                anthropic: {api_key: "${ANTHROPIC_API_KEY}"}
              default_models:
                manager: openai
                coder: mistral
              aliases: [gpt, claude]
            routing:
              fallback: claude
              primary: llama
            """;

    @Test
    void eachDuplicateIsReportedAtItsOwnLineNamingTheOther() {
        ValidationResult result = run("""
                rules:
                  - {id: unique-ports, type: unique, path: services.*.port}
                """, CONFIG);

        assertThat(result.findings()).extracting(f -> f.path().toString(), f -> f.origin().line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("services.manager_agent.port", 3),
                        org.assertj.core.groups.Tuple.tuple("services.metrics.port", 7));
        assertThat(messages(result)).containsExactly(
                "services.manager_agent.port: 8080 is not unique: also used at services.metrics.port "
                        + "(global/base.yaml:7:11)",
                "services.metrics.port: 8080 is not unique: also used at services.manager_agent.port "
                        + "(global/base.yaml:3:11)");
    }

    @Test
    void distinctValuesPass() {
        assertThat(run("""
                rules:
                  - {id: unique-providers, type: unique, path: models.default_models.*}
                """, CONFIG).isClean()).isTrue();
    }

    @Test
    void referenceMustNameAKeyOfTheTargetMapping() {
        ValidationResult result = run("""
                rules:
                  - id: known-models
                    type: reference
                    path: models.default_models.*
                    target: models.model_providers
                """, CONFIG);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.path().toString()).isEqualTo("models.default_models.coder");
            assertThat(f.origin().line()).isEqualTo(14);
            assertThat(f.message()).isEqualTo("models.default_models.coder: 'mistral' does not name an existing "
                    + "key of models.model_providers; known: openai, anthropic");
        });
    }

    @Test
    void referenceWithTargetValuesAcceptsAnyValueFoundThere() {
        ValidationResult result = run("""
                rules:
                  - {id: routes, type: reference, path: routing.*, target_values: models.aliases}
                """, CONFIG);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.path().toString()).isEqualTo("routing.primary");
            assertThat(f.origin().line()).isEqualTo(18);
            assertThat(f.message()).contains("'llama'").contains("known: gpt, claude");
        });
    }

    @Test
    void referenceToAMissingTargetReportsEveryValue() {
        assertThat(messages(run("""
                rules:
                  - {id: routes, type: reference, path: routing.*, target: models.nothing_here}
                """, CONFIG))).hasSize(2).allSatisfy(m -> assertThat(m).endsWith("known: none"));
    }
}
