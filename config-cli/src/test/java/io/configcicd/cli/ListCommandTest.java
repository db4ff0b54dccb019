package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ListCommandTest {

    @TempDir
    Path tmp;

    @Test
    void listsTheEnvironmentsOnePerLine() {
        CliRun r = CliRun.in(CliRun.copyOfExamples(tmp), "list", "--scope", "global");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("development\nproduction\nstaging\n");
    }

    @Test
    void listsNamesWithTheFilesEachIsMadeOfInJson() {
        CliRun r = CliRun.in(CliRun.copyOfExamples(tmp), "list", "--scope", "global", "--format", "json");

        JsonNode list = JsonMapper.shared().readTree(r.out());
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isEqualTo(3);
        JsonNode production = list.get(1);
        assertThat(production.get("name").asString()).isEqualTo("production");
        assertThat(production.get("files").toString())
                .isEqualTo("[\"global/base.yaml\",\"global/logging.toml\",\"environments/production.yaml\"]");
    }

    @Test
    void scopeEnvironmentListsTheOverrideDocumentsOnly() {
        CliRun r = CliRun.in(CliRun.copyOfExamples(tmp), "list", "--scope", "environment", "--format", "json");

        JsonNode staging = JsonMapper.shared().readTree(r.out()).get(2);
        assertThat(staging.get("files").toString()).isEqualTo("[\"environments/staging.json\"]");
    }

    @Test
    void theCommonOptionsMayFollowTheCommandName() {
        Path config = CliRun.copyOfExamples(tmp);

        CliRun r = CliRun.run("list", "--scope", "environment", "--config-dir", config.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("development\nproduction\nstaging\n");
    }
}
