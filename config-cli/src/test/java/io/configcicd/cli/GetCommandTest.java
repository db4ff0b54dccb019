package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
