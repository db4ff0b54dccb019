package io.configcicd.core.validate.policy;

import static io.configcicd.core.validate.policy.PolicyFixtures.context;
import static io.configcicd.core.validate.policy.PolicyFixtures.inDevelopment;
import static io.configcicd.core.validate.policy.PolicyFixtures.inProduction;
import static io.configcicd.core.validate.policy.PolicyFixtures.production;
import static io.configcicd.core.validate.policy.PolicyFixtures.run;
import static io.configcicd.core.validate.policy.PolicyFixtures.where;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.Fix;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaintextSecretRuleTest {

    private static final String SECRET = "sk-live-Zq8vX3distinct";

    private final PlaintextSecretRule rule = new PlaintextSecretRule(Settings.DEFAULT_SECRET_KEYS);

    @Test
    void plaintextApiKeyIsCriticalAtTheValuesFileLineColumnWithoutTheValue() {
        List<Finding> findings = inDevelopment(rule, """
                models:
                  model_providers:
                    openai:
                      api_key: %s
                      base_url: https://api.openai.com/v1
                """.formatted(SECRET));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("security.plaintext-secret");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.path()).hasToString("models.model_providers.openai.api_key");
            assertThat(where(f)).isEqualTo("global/base.yaml:4:16");
            assertThat(f.message()).isEqualTo("plaintext secret at models.model_providers.openai.api_key: "
                    + "secrets must be a ${VAR} reference or an ENC[...] value");
            assertThat(f.message()).doesNotContain(SECRET).doesNotContain("sk-live");
        });
    }

    @Test
    void fixMovesTheValueOutOfItsFileAsAVariableNamedAfterThePath() {
        List<Finding> findings = inDevelopment(rule, """
                models:
                  model_providers:
                    openai:
                      api_key: "%s"
                """.formatted(SECRET));

        Fix fix = findings.get(0).fix().orElseThrow();
        assertThat(fix.document()).isEqualTo(Fix.Document.ORIGIN);
        assertThat(fix.path()).hasToString("models.model_providers.openai.api_key");
        assertThat(((ConfigScalar) fix.value()).value()).isEqualTo("${OPENAI_API_KEY}");
        assertThat(fix.description()).isEqualTo("replace the plaintext secret with ${OPENAI_API_KEY} and set "
                + "OPENAI_API_KEY where config-cicd runs (CI secret, vault)");
        assertThat(fix.description()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"${OPENAI_API_KEY}\"",
        "\"${vault:secret/db#password}\"",
        "\"${aws-sm:prod/openai#api_key}\"",
        "\"${USER_PART}${HOST_PART}\"",
        "\"${DB_PASSWORD:-${FALLBACK_PASSWORD}}\"",
        "\"${DB_PASSWORD:-}\"",
        "\"ENC[AES256_GCM,data:3q2+7w==,iv:AAAA,tag:BBBB]\"",
        "\"\"",
        "null",
        "~"
    })
    void referencesEncryptedEmptyAndNullAreNotPlaintext(String value) {
        assertThat(inProduction(rule, "database:\n  password: " + value + "\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"prefix-${DB_PASSWORD}\"",
        "\"${DB_PASSWORD}-suffix\"",
        "\"$${DB_PASSWORD}\"",
        "\"${DB_PASSWORD\"",
        "\"${}\"",
        "\"ENC[unterminated\"",
        "hunter2"
    })
    void literalTextOutsideAReferenceIsPlaintext(String value) {
        List<Finding> findings = inDevelopment(rule, "database:\n  password: " + value + "\n");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(where(f)).isEqualTo("global/base.yaml:2:13");
            assertThat(f.message()).startsWith("plaintext secret at database.password:");
        });
    }

    @Test
    void numbersAndBooleansUnderASecretKeyArePlaintextButMaxTokensIsNoSecret() {
        List<Finding> findings = inDevelopment(rule, """
                atm:
                  pin_secret: 4711
                  api_key: true
                models:
                  max_tokens: 4096
                  tokenizer: cl100k
                """);

        assertThat(findings).extracting(f -> f.path().toString()).containsExactly("atm.pin_secret", "atm.api_key");
        assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("4711"));
        assertThat(findings.get(0).fix().orElseThrow().value()).isEqualTo(ConfigScalar.string("${PIN_SECRET}",
                findings.get(0).fix().orElseThrow().value().origin()));
    }

    @Test
    void eachScalarOfASecretListIsReportedAtItsOwnPosition() {
        List<Finding> findings = inDevelopment(rule, """
                registry:
                  credentials: [alice-pw-1, bob-pw-2]
                """);

        assertThat(findings).extracting(PolicyFixtures::where)
                .containsExactly("global/base.yaml:2:17", "global/base.yaml:2:29");
        assertThat(findings).extracting(f -> ((ConfigScalar) f.fix().orElseThrow().value()).value())
                .containsExactly("${REGISTRY_CREDENTIALS_0}", "${REGISTRY_CREDENTIALS_1}");
        assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("alice") || m.contains("bob"));
    }

    @Test
    void everythingUnderASecretMappingIsSecret() {
        List<Finding> findings = inDevelopment(rule, """
                credentials:
                  user: deploy
                  password: "${DEPLOY_PASSWORD}"
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.path()).hasToString("credentials.user");
            assertThat(where(f)).isEqualTo("global/base.yaml:2:9");
        });
    }

    @Test
    void plaintextThatAnEnvironmentOverridesIsStillReportedWhereItIsWritten() {
        List<Finding> findings = run(rule, context("production", production("""
                database:
                  graph_store:
                    password: %s
                """.formatted(SECRET), """
                database:
                  graph_store:
                    password: "${NEO4J_PASSWORD}"
                """), true));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(where(f)).isEqualTo("global/base.yaml:3:15");
            assertThat(f.message()).isEqualTo("plaintext secret at database.graph_store.password (overridden at "
                    + "environments/production.yaml:3:15, but still written here): secrets must be a ${VAR} "
                    + "reference or an ENC[...] value");
            assertThat(f.fix().orElseThrow().document()).isEqualTo(Fix.Document.ORIGIN);
            assertThat(((ConfigScalar) f.fix().orElseThrow().value()).value())
                    .as("the override already names where the secret lives").isEqualTo("${NEO4J_PASSWORD}");
        });
    }

    @Test
    void aLiteralDefaultIsFineOnALaptopButReportedInAProtectedEnvironment() {
        String text = "database:\n  password: \"${NEO4J_PASSWORD:-neo4j-dev-distinct}\"\n";

        assertThat(inDevelopment(rule, text)).isEmpty();
        assertThat(inProduction(rule, text)).singleElement().satisfies(f -> {
            assertThat(where(f)).isEqualTo("global/base.yaml:2:13");
            assertThat(f.message()).startsWith("plaintext secret in the default of the reference at database.password")
                    .doesNotContain("neo4j-dev-distinct");
            Fix fix = f.fix().orElseThrow();
            assertThat(fix.document()).isEqualTo(Fix.Document.ENVIRONMENT);
            assertThat(((ConfigScalar) fix.value()).value()).isEqualTo("${NEO4J_PASSWORD}");
            assertThat(fix.description()).contains("environments/production").doesNotContain("neo4j-dev-distinct");
        });
    }

    @Test
    void secretKeysComeFromTheSettings() {
        PlaintextSecretRule custom = new PlaintextSecretRule(List.of("pin"));

        List<Finding> findings = inDevelopment(custom, """
                card:
                  pin: 1234
                  password: hunter2
                """);

        assertThat(findings).extracting(f -> f.path().toString()).containsExactly("card.pin");
    }

    @Test
    void checksEveryEnvironmentProtectedOrNot() {
        String text = "db_password: hunter2\n";

        assertThat(inDevelopment(rule, text)).hasSize(1);
        assertThat(inProduction(rule, text)).hasSize(1);
    }
}
