package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output names files the same way findings do: relative to the repository root
 * ({@code configuration/global/base.yaml:2:7}), errors and the origins of diff, history and explain included.
 */
class RepositoryPathsCommandsTest {

    @TempDir
    Path tmp;

    private Path config;

    @BeforeEach
    void aConfigurationDirectoryInsideARepository() throws Exception {
        config = tmp.resolve("configuration");
        Files.createDirectories(config.resolve("global"));
        Files.createDirectories(config.resolve("environments"));
        Files.writeString(config.resolve("global/base.yaml"), "app:\n  port: 8080\n");
        Files.writeString(config.resolve("environments/production.yaml"), "app:\n  port: 9090\n");
        TestGit.git(tmp, "init", "-q", "-b", "main");
        TestGit.commit(tmp, "initial");
        Files.writeString(config.resolve("environments/production.yaml"), "app:\n  port: 9091\n");
    }

    @Test
    void anErrorInAFileNamesItFromTheRepositoryRootAsFindingsDo() throws Exception {
        Files.writeString(config.resolve("global/zz.toml"), "[app]\nname = \"x\nport = 1\n");

        CliRun get = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "app.port");
        CliRun validate = CliRun.in(config, "validate", "--all-environments");

        assertThat(get.exitCode()).isEqualTo(2);
        assertThat(get.err()).startsWith("error: configuration/global/zz.toml:2:");
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).startsWith("error: configuration/global/zz.toml:2:");
    }

    @Test
    void explainDiffAndHistoryNameOriginsFromTheRepositoryRoot() {
        CliRun explain = CliRun.in(config, "explain", "--environment", "production", "--path", "app.port");
        CliRun diff = CliRun.in(config, "diff", "--scope", "global", "--name", "production", "--version", "HEAD");
        CliRun diffJson = CliRun.in(config, "diff", "--scope", "global", "--name", "production", "--version", "HEAD",
                "--format", "json");
        CliRun history = CliRun.in(config, "history", "--scope", "global", "--name", "production");

        assertThat(explain.out()).contains("set at configuration/environments/production.yaml:2:9")
                .contains("overrides 8080 at configuration/global/base.yaml:2:9");
        assertThat(diff.out()).contains("(configuration/environments/production.yaml:2:9 -> "
                + "configuration/environments/production.yaml:2:9)");
        assertThat(diffJson.out()).contains("\"file\": \"configuration/environments/production.yaml\"");
        assertThat(history.out()).contains("+ app.port: 9090  (configuration/environments/production.yaml:2:9)");
    }

    @Test
    void aMissingEnvironmentFileIsNamedFromTheRepositoryRootToo() throws Exception {
        Files.delete(config.resolve("environments/production.yaml"));
        Files.createSymbolicLink(config.resolve("environments/production.yaml"), Path.of("gone.yaml"));

        CliRun get = CliRun.in(config, "get", "--scope", "global", "--name", "production");

        assertThat(get.exitCode()).isEqualTo(2);
        assertThat(get.err()).startsWith("error: configuration/environments/production.yaml");
    }

    @Test
    void aHintThatNamesAFileToAddNamesItFromTheRepositoryRoot() {
        CliRun get = CliRun.in(config, "get", "--scope", "global", "--name", "prod");

        assertThat(get.exitCode()).isEqualTo(2);
        assertThat(get.err()).contains("hint: known environments: production; add configuration/environments/prod.yaml");
    }
}
