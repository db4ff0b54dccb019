package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and error messages (ARCHITECTURE 3). */
class ConfigCicdCliTest {

    @TempDir
    Path tmp;

    private Path config;

    @BeforeEach
    void copyExamples() {
        config = CliRun.copyOfExamples(tmp);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot", "--bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: Unknown option: '--bogus'").contains("config-cicd get --help");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        CliRun r = CliRun.in(config, "set", "--scope", "global", "--name", "production", "--value", "5");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option", "--path");
    }

    @Test
    void aMissingCommandIsAUsageError() {
        CliRun r = CliRun.in(config);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing command", "get", "explain");
    }

    @Test
    void anUnknownScopeIsAUsageError() {
        CliRun r = CliRun.in(config, "list", "--scope", "universe");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown scope 'universe': use global or environment");
    }

    @Test
    void aMalformedPathIsAUsageError() {
        CliRun r = CliRun.in(config, "explain", "--environment", "production", "--path", "kgot..depth");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("invalid path 'kgot..depth'");
    }

    @Test
    void anUnknownEnvironmentIsBadInputListingTheKnownOnes() {
        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "prod", "--path", "kgot");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown environment 'prod'", "development, production, staging");
    }

    @Test
    void aNameThatLeavesTheDirectoryIsRejected() {
        CliRun r = CliRun.in(config, "get", "--scope", "environment", "--name", "../etc", "--path", "kgot");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("invalid environment name '../etc'");
    }

    @Test
    void aMalformedFileIsBadInputAtItsLineWithoutAStackTrace() throws Exception {
        Files.writeString(config.resolve("environments/production.yaml"), "kgot:\n  reasoning_depth: [4\n  cache_ttl: 60\n");

        CliRun r = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: environments/production.yaml:").doesNotContain("at io.", "Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void stacktracePrintsTheStackTrace() throws Exception {
        Files.writeString(config.resolve("environments/production.yaml"), "kgot: [\n");

        CliRun r = CliRun.in(config, "--stacktrace", "get", "--scope", "global", "--name", "production", "--path", "kgot");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("at io.configcicd");
    }

    @Test
    void aMissingConfigurationDirectoryIsBadInput() {
        CliRun r = CliRun.in(tmp.resolve("nowhere"), "list", "--scope", "global");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist").contains("hint: pass --config-dir");
    }

    @Test
    void helpAndVersionSucceed() {
        CliRun help = CliRun.run("--help");
        CliRun version = CliRun.run("--version");
        CliRun getHelp = CliRun.run("get", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("get", "set", "list", "explain", "Exit codes:");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("config-cicd ");
        assertThat(getHelp.exitCode()).isZero();
        assertThat(getHelp.out()).contains("--reveal", "--config-dir", "--format");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun r = CliRun.in(config, "list", "--scope", "global", "--format", "xml");

        assertThat(r.exitCode()).isEqualTo(2);
    }
}
