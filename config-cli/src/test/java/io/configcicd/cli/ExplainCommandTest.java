package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExplainCommandTest {

    @TempDir
    Path tmp;

    private Path config;

    @BeforeEach
    void copyExamples() {
        config = CliRun.copyOfExamples(tmp);
    }

    @Test
    void showsWhereTheValueWasSetAndWhatItOverrode() {
        CliRun r = CliRun.in(config, "explain", "--environment", "production", "--path", "kgot.num_next_steps_decision");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "kgot.num_next_steps_decision = 5",
                "  set at environments/production.yaml:3:28",
                "  overrides 3 at global/base.yaml:14:28");
    }

    @Test
    void aValueSetOnceOverridesNothing() {
        CliRun r = CliRun.in(config, "explain", "--environment", "production", "--path", "models.default_models.analysis");

        assertThat(r.out().lines()).hasSize(2).first().isEqualTo("models.default_models.analysis = claude-3-opus");
    }

    @Test
    void printsTheChainAsJson() {
        CliRun r = CliRun.in(config, "explain", "--environment", "production", "--path", "kgot.num_next_steps_decision",
                "--format", "json");

        JsonNode json = JsonMapper.shared().readTree(r.out());
        assertThat(json.get("path").asString()).isEqualTo("kgot.num_next_steps_decision");
        assertThat(json.get("value").asInt()).isEqualTo(5);
        assertThat(json.get("origin").get("file").asString()).isEqualTo("environments/production.yaml");
        assertThat(json.get("origin").get("line").asInt()).isEqualTo(3);
        assertThat(json.get("overridden").size()).isEqualTo(1);
        assertThat(json.get("overridden").get(0).get("value").asInt()).isEqualTo(3);
        assertThat(json.get("overridden").get(0).get("origin").get("file").asString()).isEqualTo("global/base.yaml");
        assertThat(json.get("overridden").get(0).get("origin").get("line").asInt()).isEqualTo(14);
    }

    @Test
    void masksSecretsButShowsReferences() {
        CliRun r = CliRun.in(config, "explain", "--environment", "development", "--path", "database.graph_store.password");

        assertThat(r.out().lines()).containsExactly(
                "database.graph_store.password = ******",
                "  set at environments/development.yaml:22:15",
                "  overrides ${NEO4J_PASSWORD} at global/base.yaml:71:15");
    }

    @Test
    void anUnsetPathIsBadInput() {
        CliRun r = CliRun.in(config, "explain", "--environment", "production", "--path", "kgot.nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'kgot.nope' is not set");
    }
}
