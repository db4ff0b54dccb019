package io.configcicd.core.validate.policy;

import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import static io.configcicd.core.validate.policy.PolicyFixtures.context;
import static io.configcicd.core.validate.policy.PolicyFixtures.run;
import static io.configcicd.core.validate.policy.PolicyFixtures.settings;
import static io.configcicd.core.validate.policy.PolicyFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.ValidationRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityPolicyTest {

    /** Breaks every rule of the policy once. */
    private static final ConfigMap INSECURE = yaml(PolicyFixtures.BASE, """
            database:
              password: hunter2-distinct
            security:
              authentication:
                enabled: false
              encryption:
                enabled: false
            services:
              api:
                debug: true
                callback: http://api.example.com/hook
            """);

    private static final Path EXAMPLE = Path.of("../examples/configuration");

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    @Test
    void withoutAPolicySectionEveryRuleIsOnWithItsContractIdAndSeverity() {
        List<ValidationRule> rules = SecurityPolicy.rules(Settings.defaults());

        assertThat(rules).extracting(r -> r.id() + "=" + r.defaultSeverity()).containsExactly(
                "security.plaintext-secret=" + Severity.CRITICAL,
                "security.authentication=" + Severity.ERROR,
                "security.encryption=" + Severity.ERROR,
                "security.debug=" + Severity.ERROR,
                "security.https=" + Severity.ERROR,
                "yaml.ambiguous-boolean=" + Severity.WARNING);
        assertThat(rules).extracting(ValidationRule::id).containsExactlyElementsOf(SecurityPolicy.IDS);
    }

    @Test
    void everyRuleFindsItsProblemInProductionAndOnlyTheSecretOneInDevelopment() {
        List<ValidationRule> rules = SecurityPolicy.rules(Settings.defaults());

        assertThat(ruleIds(run(rules, context("production", INSECURE, true)))).containsExactly(
                "security.plaintext-secret", "security.authentication", "security.encryption", "security.debug",
                "security.https");
        assertThat(ruleIds(run(rules, context("development", INSECURE, false))))
                .containsExactly("security.plaintext-secret");
    }

    @Test
    void enabledFalseTurnsTheWholePolicyOff() {
        assertThat(SecurityPolicy.rules(settings("policy:\n  enabled: false\n"))).isEmpty();
        assertThat(SecurityPolicy.rules(settings("policy: false\n"))).isEmpty();
    }

    @Test
    void eachRuleCanBeTurnedOffOnItsOwn() {
        List<ValidationRule> rules = SecurityPolicy.rules(settings("""
                policy:
                  plaintext_secrets: {enabled: false}
                  debug:
                    enabled: false
                  https: false
                  ambiguous_booleans: {enabled: false}
                """));

        assertThat(rules).extracting(ValidationRule::id)
                .containsExactly("security.authentication", "security.encryption");
        assertThat(ruleIds(run(rules, context("production", INSECURE, true))))
                .containsExactly("security.authentication", "security.encryption");
    }

    @Test
    void pathsReplaceTheDefaultGlobs() {
        List<ValidationRule> rules = SecurityPolicy.rules(settings("""
                policy:
                  authentication:
                    paths: [security.login.required]
                  debug:
                    paths: ["services.*.verbose"]
                """));
        ConfigMap config = yaml(PolicyFixtures.BASE, """
                security:
                  login: {required: false}
                  authentication: {enabled: false}
                  encryption: {enabled: true}
                services:
                  api: {verbose: true, debug: true}
                """);

        List<Finding> findings = run(rules, context("production", config, true));

        assertThat(findings).extracting(f -> f.ruleId() + " " + f.path()).containsExactly(
                "security.authentication security.login.required",
                "security.debug services.api.verbose");
    }

    @Test
    void allowHostsAreReadFromTheSettings() {
        List<ValidationRule> rules = SecurityPolicy.rules(settings("""
                policy:
                  https:
                    allow_hosts: ["*.example.com"]
                """));

        assertThat(rules).extracting(ValidationRule::id).contains("security.https");
        assertThat(ruleIds(run(rules, context("production", INSECURE, true)))).doesNotContain("security.https");
    }

    @Test
    void secretKeysOfTheSettingsDecideWhatIsASecret() {
        List<ValidationRule> rules = SecurityPolicy.rules(settings("secrets:\n  keys: [pin]\n"));
        ConfigMap config = yaml(PolicyFixtures.BASE, "card:\n  pin: 1234\n  password: hunter2\n");

        assertThat(run(rules, context("development", config, false)))
                .extracting(f -> f.path().toString()).containsExactly("card.pin");
    }

    @Test
    void aPolicyThatIsNotAMappingIsBadInputAtItsLine() {
        assertBadInput("policy: [debug]\n", "config-cicd.yaml:1:9", "policy must be a mapping, found list");
    }

    @Test
    void aMisspelledSectionIsBadInputAtTheKeyNamingTheKnownOnes() {
        ConfigCicdException e = assertBadInput("""
                environments: [production]
                policy:
                  plaintext_secret: {enabled: false}
                """, "config-cicd.yaml:3:3", "unknown field 'plaintext_secret' in policy");

        assertThat(e.hint()).contains("plaintext_secrets", "authentication", "encryption", "debug", "https");
    }

    @Test
    void anEnabledThatIsNotABooleanIsBadInput() {
        assertBadInput("policy:\n  debug:\n    enabled: \"no\"\n", "config-cicd.yaml:3:14",
                "policy.debug.enabled must be true or false, found string 'no'");
    }

    @Test
    void emptyOrUnparseablePathsAreBadInputAtTheirLine() {
        assertBadInput("policy:\n  encryption:\n    paths: []\n", "config-cicd.yaml:3:12",
                "policy.encryption.paths must be a non-empty list of strings");
        ConfigCicdException e = assertBadInput("policy:\n  authentication:\n    paths:\n      - ok.enabled\n"
                + "      - \"security..enabled\"\n", "config-cicd.yaml:5:9",
                "policy.authentication.paths[1] is not a path");
        assertThat(e.hint()).contains("**.auth.enabled");
    }

    @Test
    void malformedSectionsAreRejectedEvenWhenThePolicyIsOff() {
        assertBadInput("policy:\n  enabled: false\n  https:\n    allow_hosts: 8080\n", "config-cicd.yaml:4:18",
                "policy.https.allow_hosts must be a list of strings, found integer '8080'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theShippedExampleSatisfiesThePolicyInEveryEnvironment(String environment) {
        try (ConfigurationManager manager = ConfigurationManager.open(EXAMPLE)) {
            Settings settings = ConfigDirectory.open(EXAMPLE, Codecs.standard(), Runnable::run).settings();
            boolean isProtected = settings.environment(environment)
                    .map(Settings.EnvironmentSpec::isProtected).orElseThrow();
            ConfigMap effective = manager.getMergedConfiguration(environment).root();

            assertThat(run(SecurityPolicy.rules(settings), context(environment, effective, isProtected))).isEmpty();
        }
    }

    @Test
    void theExamplesDevelopmentConfigurationWouldNotPassAsProduction() {
        try (ConfigurationManager manager = ConfigurationManager.open(EXAMPLE)) {
            ConfigMap development = manager.getMergedConfiguration("development").root();

            List<Finding> findings = run(SecurityPolicy.rules(ConfigDirectory.open(EXAMPLE, Codecs.standard(), Runnable::run).settings()),
                    context("production", development, true));

            assertThat(findings).extracting(f -> f.ruleId() + " " + f.path() + " " + f.origin()).containsExactly(
                    "security.debug kgot.debug_mode environments/development.yaml:3:15",
                    "security.debug features.debug_ui environments/development.yaml:9:13",
                    "security.debug services.manager_agent.debug environments/development.yaml:14:12",
                    "security.debug services.kgot_service.debug environments/development.yaml:17:12",
                    "security.plaintext-secret database.graph_store.password environments/development.yaml:22:15",
                    "security.authentication security.authentication.enabled environments/development.yaml:26:14",
                    "security.encryption security.encryption.enabled global/base.yaml:77:14");
            assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("neo4j-dev"));
        }
    }

    private static ConfigCicdException assertBadInput(String settingsText, String where, String problem) {
        Settings settings = settings(settingsText);
        Throwable thrown = catchThrowable(() -> SecurityPolicy.rules(settings));
        assertThat(thrown).as("expected bad input for:\n" + settingsText).isInstanceOf(ConfigCicdException.class);
        ConfigCicdException e = (ConfigCicdException) thrown;
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.origin()).hasToString(where);
        assertThat(e.problem()).startsWith("config-cicd.yaml: " + problem);
        assertThat(e.hint()).isNotBlank();
        return e;
    }
}
