package io.configcicd.core.api;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Scope;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.EnvironmentFilter;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.validate.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library side of validation: the original design's validate_configuration and add/remove_validation_rule. */
class ConfigurationValidatorTest {

    @TempDir
    Path tmp;

    /** A team's own rule: the reasoning depth of production must not be below 3. */
    private static final class MinimumDepth implements ValidationRule {
        @Override
        public String id() {
            return "team.minimum-depth";
        }

        @Override
        public Severity defaultSeverity() {
            return Severity.CRITICAL;
        }

        @Override
        public List<Violation> check(RuleContext context) {
            ConfigPath path = ConfigPath.parse("kgot.reasoning_depth");
            ConfigNode n = ConfigNodes.at(context.effective(), path);
            if (n instanceof ConfigScalar s && s.value() instanceof Long depth && depth < 3) {
                return List.of(Violation.of(path, n.origin(), "reasoning depth " + depth + " is below 3"));
            }
            return List.of();
        }
    }

    private Path directory() throws IOException {
        Path dir = tmp.resolve("configuration");
        Files.createDirectories(dir.resolve("global"));
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("global/base.yaml"), "kgot:\n  reasoning_depth: 2\nservice:\n  debug: true\n");
        Files.writeString(dir.resolve("environments/production.yaml"), "security:\n  authentication: {enabled: true}\n"
                + "  encryption: {enabled: true}\n");
        Files.writeString(dir.resolve("environments/development.yaml"), "{}\n");
        return dir;
    }

    @Test
    void a_rule_added_in_code_runs_where_its_filter_says_and_can_be_removed_again() throws IOException {
        try (ConfigurationManager manager = ConfigurationManager.open(directory())) {
            manager.validator().addValidationRule(new MinimumDepth(), EnvironmentFilter.of(List.of("production")));

            List<Finding> production = manager.validateConfiguration(Scope.GLOBAL, "production");
            List<Finding> development = manager.validateConfiguration(Scope.GLOBAL, "development");

            assertThat(production).extracting(Finding::ruleId).containsExactlyInAnyOrder("team.minimum-depth", "security.debug");
            Finding depth = production.stream().filter(f -> f.ruleId().equals("team.minimum-depth")).findFirst().orElseThrow();
            assertThat(depth.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(depth.origin()).hasToString("global/base.yaml:2:20");
            assertThat(development).isEmpty();

            assertThat(manager.validator().removeValidationRule("team.minimum-depth")).isTrue();
            assertThat(manager.validator().removeValidationRule("security.debug")).isTrue();
            assertThat(manager.validator().removeValidationRule("no-such-rule")).isFalse();
            assertThat(manager.validateConfiguration(Scope.GLOBAL, "production")).isEmpty();
        }
    }

    @Test
    void two_rules_with_one_id_are_refused() throws IOException {
        try (ConfigurationManager manager = ConfigurationManager.open(directory())) {
            manager.validator().addValidationRule(new MinimumDepth());
            assertThatThrownBy(() -> manager.validator().addValidationRule(new MinimumDepth()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("team.minimum-depth");
        }
    }

    @Test
    void a_validated_update_that_introduces_an_error_is_refused_and_writes_nothing() throws IOException {
        Path dir = directory();
        Path prod = dir.resolve("environments/production.yaml");
        String before = Files.readString(prod);
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            assertThatThrownBy(() -> manager.batchUpdateValidated(Scope.GLOBAL, "production",
                    Map.of("security.encryption.enabled", false)))
                    .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.FINDINGS);
                        assertThat(e.problem()).contains("security.encryption").contains("refused");
                    });
            assertThat(Files.readString(prod)).isEqualTo(before);

            manager.batchUpdateValidated(Scope.GLOBAL, "production", Map.of("service.debug", false));
            assertThat(Files.readString(prod)).contains("debug: false");
            assertThat(manager.validateConfiguration(Scope.GLOBAL, "production")).isEmpty();
        }
    }

    /** A rule that quotes the value it found, as schema messages do. */
    private static final class QuotesValues implements ValidationRule {
        @Override
        public String id() {
            return "team.quotes";
        }

        @Override
        public Severity defaultSeverity() {
            return Severity.ERROR;
        }

        @Override
        public List<Violation> check(RuleContext context) {
            ConfigPath path = ConfigPath.parse("notes");
            ConfigNode n = ConfigNodes.at(context.effective(), path);
            return n == null ? List.of() : List.of(Violation.of(path, n.origin(), "found " + n));
        }
    }

    @Test
    void messages_that_quote_a_secret_of_the_validated_configuration_are_masked_in_every_encoding() throws IOException {
        Path dir = directory();
        String secret = "quoted-Secret-2718";
        String b64 = java.util.Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("environments/development.yaml"), "db:\n  password: " + secret + "\n"
                + "notes: \"copy " + b64 + " and postgres://u:pw-only-in-url@h/x\"\n");
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            manager.validator().addValidationRule(new QuotesValues());

            List<Finding> findings = manager.validator().validate(List.of("development"), java.time.LocalDate.now())
                    .findings();

            assertThat(findings).filteredOn(f -> f.ruleId().equals("team.quotes")).singleElement()
                    .extracting(Finding::message).isEqualTo("found \"copy ****** and postgres://u:******@h/x\"");
            assertThat(findings.toString()).doesNotContain(secret).doesNotContain(b64).doesNotContain("pw-only-in-url");
        }
    }

    @Test
    void a_key_named_in_secrets_exclude_is_no_plaintext_secret_while_other_token_keys_still_are() throws IOException {
        Path dir = directory();
        Files.writeString(dir.resolve("environments/development.yaml"), "auth:\n  token_ttl: 3600\n  token: abc-literal\n");
        Files.writeString(dir.resolve("config-cicd.yaml"), "secrets:\n  exclude: [token_ttl]\n");
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            List<String> flagged = manager.validator().validate(List.of("development"), java.time.LocalDate.now())
                    .findings().stream().filter(f -> f.ruleId().equals("security.plaintext-secret"))
                    .map(f -> f.path().toString()).toList();

            assertThat(flagged).containsExactly("auth.token");
        }
    }

    @Test
    void a_file_in_environments_that_is_no_environment_is_a_finding_at_it_in_every_run_while_the_others_validate()
            throws IOException {
        Path dir = directory();
        Files.writeString(dir.resolve("environments/stäging prod.yaml"), "kgot:\n  reasoning_depth: 1\n");
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            List<Finding> all = manager.validator().validate(List.of(), java.time.LocalDate.of(2026, 1, 1)).findings();
            List<Finding> one = manager.validator().validate(List.of("development"), java.time.LocalDate.of(2026, 1, 1))
                    .findings();

            for (List<Finding> findings : List.of(all, one)) {
                assertThat(findings).filteredOn(f -> f.ruleId().equals("layout.environment-name")).singleElement()
                        .satisfies(f -> {
                            assertThat(f.severity()).isEqualTo(Severity.ERROR);
                            assertThat(f.origin().file()).isEqualTo("environments/stäging prod.yaml");
                            assertThat(f.message()).contains("'stäging prod' is not a valid environment name")
                                    .contains("rename it");
                        });
            }
            assertThat(all).extracting(Finding::environment).doesNotContain("stäging prod");
            assertThat(manager.listConfigurations(Scope.GLOBAL)).containsExactly("development", "production");
        }
    }
}
