package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class GetCommandTest {

    @TempDir
    Path tmp;

    private Path config;

    @BeforeEach
    void copyExamples() {
        config = CliRun.copyOfExamples(tmp);
    }

    @Test
    void printsAScalarAsPlainText() {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot.num_next_steps_decision");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("5\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void printsASubtreeAsYamlWithTheOverridesApplied() {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("num_next_steps_decision: 5\n", "max_retrieve_query_retry: 2\n", "debug_mode: false\n")
                .doesNotContain("---");
    }

    @Test
    void scopeEnvironmentIsTheOverrideDocumentAlone() {
        CliRun r = CliRun.in(config, "get", "--scope", "ENVIRONMENT", "--name", "production", "--path", "kgot");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("num_next_steps_decision: 5").doesNotContain("max_retrieve_query_retry");
    }

    @Test
    void printsJsonWithTheValuesTypes() {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "staging", "--path", "kgot", "--format", "json");

        assertThat(r.exitCode()).isZero();
        JsonNode kgot = JsonMapper.shared().readTree(r.out());
        assertThat(kgot.get("num_next_steps_decision").isIntegralNumber()).isTrue();
        assertThat(kgot.get("num_next_steps_decision").asInt()).isEqualTo(4);
        assertThat(kgot.get("enable_graph_caching").isBoolean()).isTrue();
    }

    @Test
    void printsYaml() {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "staging", "--path", "alita.tools.code_runner.resource_limits",
                "--format", "yaml");

        assertThat(r.out()).contains("memory: 1GB").contains("cpu: \"1.0\"");
    }

    @Test
    void masksALiteralSecret() {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "development", "--path", "database.graph_store");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("password: '******'", "uri: bolt://localhost:7687").doesNotContain("neo4j-dev");
    }

    @Test
    void showsAReferenceAsWrittenBecauseItHoldsNoSecret() {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path",
                "models.model_providers.openai.api_key");

        assertThat(r.out()).isEqualTo("${OPENAI_API_KEY}\n");
    }

    @Test
    void revealResolvesReferencesFromTheEnvironmentWithTheirDefaults() {
        assumeTrue(System.getenv("NEO4J_PASSWORD") == null, "NEO4J_PASSWORD is set in this environment");

        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "development", "--path",
                "database.graph_store.password", "--reveal");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("neo4j-dev\n");
    }

    @Test
    void revealOfAnUnsetVariableIsBadInputNamingTheVariableAndItsLine() {
        assumeTrue(System.getenv("NEO4J_PASSWORD") == null, "NEO4J_PASSWORD is set in this environment");

        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "database", "--reveal");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("global/base.yaml:71", "NEO4J_PASSWORD");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingPathIsBadInputWithAHint() {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot.no_such_key");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: 'kgot.no_such_key' is not set in global/production")
                .contains("hint: run get with --path kgot");
        assertThat(CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "nope").err())
                .contains("hint: run get without --path to see the keys that exist");
    }

    /** A plaintext secret in development's override, the kind a whole-tree output must not show. */
    private static final String LITERAL = "Liter4l-Pa55word";

    private void literalSecretInDevelopment() throws Exception {
        Path dev = config.resolve("environments/development.yaml");
        Files.writeString(dev, Files.readString(dev).replace("\"${NEO4J_PASSWORD:-neo4j-dev}\"", LITERAL));
    }

    private static JsonNode read(String format, String out) {
        return format.equals("json") ? JsonMapper.shared().readTree(out) : new YAMLMapper().readTree(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "yaml"})
    void withoutAPathPrintsTheWholeEffectiveConfigurationWithSecretsMasked(String format) throws Exception {
        literalSecretInDevelopment();

        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "development", "--format", format);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(LITERAL);
        JsonNode tree = read(format, r.out());
        assertThat(tree.propertyNames()).contains("metadata", "kgot", "alita", "models", "features", "database");
        assertThat(tree.at("/database/graph_store/password").asString()).isEqualTo("******");
        assertThat(tree.at("/database/graph_store/uri").asString()).isEqualTo("bolt://localhost:7687");
        assertThat(tree.at("/models/model_providers/openai/api_key").asString()).isEqualTo("${OPENAI_API_KEY}");
        assertThat(tree.at("/logging/level").isMissingNode()).as("global/logging.toml is merged in").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "yaml"})
    void withoutAPathScopeEnvironmentPrintsTheWholeOverrideDocumentWithSecretsMasked(String format) throws Exception {
        literalSecretInDevelopment();

        CliRun r = CliRun.in(config, "get", "--scope", "environment", "--name", "development", "--format", format);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(LITERAL);
        JsonNode tree = read(format, r.out());
        assertThat(tree.at("/database/graph_store/password").asString()).isEqualTo("******");
        assertThat(tree.has("models")).as("models are only in global/base.yaml").isFalse();
    }

    @Test
    void theWholeConfigurationIsRevealedOnlyWithTheRevealPermission() throws Exception {
        literalSecretInDevelopment();
        Path settings = config.resolve("config-cicd.yaml");
        Files.writeString(settings, Files.readString(settings) + """

                access:
                  roles:
                    developer: {permissions: [read], environments: ["*"]}
                    operator: {permissions: [read, reveal], environments: ["*"]}
                  bindings:
                    alice: [developer]
                    bob: [operator]
                """);
        Map<String, String> env = new HashMap<>(Map.of("OPENAI_API_KEY", "sk-open", "ANTHROPIC_API_KEY", "sk-ant",
                "NEO4J_PASSWORD", "neo"));

        env.put("CONFIG_CICD_USER", "alice");
        CliRun denied = CliRun.run(env, "--config-dir", config.toString(), "get", "--scope", "global", "--name",
                "development", "--reveal");
        env.put("CONFIG_CICD_USER", "bob");
        CliRun revealed = CliRun.run(env, "--config-dir", config.toString(), "get", "--scope", "global", "--name",
                "development", "--reveal", "--format", "json");

        assertThat(denied.exitCode()).isEqualTo(4);
        assertThat(denied.out()).isEmpty();
        assertThat(revealed.exitCode()).as(revealed.err()).isZero();
        JsonNode tree = JsonMapper.shared().readTree(revealed.out());
        assertThat(tree.at("/database/graph_store/password").asString()).isEqualTo(LITERAL);
        assertThat(tree.at("/models/model_providers/openai/api_key").asString()).isEqualTo("sk-open");
    }

    @Test
    void writesToTheOutputFileInsteadOfStandardOutput() throws Exception {
        Path file = tmp.resolve("out/kgot.json");

        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot",
                "--format", "json", "--output", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(JsonMapper.shared().readTree(file.toFile()).get("cache_ttl").asInt()).isEqualTo(3600);
    }
}
