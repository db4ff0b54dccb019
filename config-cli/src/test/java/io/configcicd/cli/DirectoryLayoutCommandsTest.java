package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files in the configuration directory (issue 10 items 10 and 11): a file in {@code environments/} whose
 * name is no environment name, two files for one environment, and symbolic links that dangle or loop.
 */
class DirectoryLayoutCommandsTest {

    @TempDir
    Path tmp;

    private Path config;

    @BeforeEach
    void examples() {
        config = CliRun.copyOfExamples(tmp);
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aBadlyNamedFileBreaksNoCommandAboutAnotherEnvironmentAndValidateReportsItAtTheFile() throws Exception {
        Files.writeString(config.resolve("environments/stäging prod.yaml"), "kgot:\n  reasoning_depth: 2\n");

        CliRun list = CliRun.in(config, "list", "--scope", "global");
        CliRun get = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot.reasoning_depth");
        CliRun validateAll = CliRun.in(config, "validate");
        CliRun validateOne = CliRun.in(config, "validate", "--name", "development", "--format", "json");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo("development\nproduction\nstaging\n");
        assertThat(list.err()).contains("note: environments/stäging prod.yaml: 'stäging prod' is not a valid environment name");
        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(get.out()).isEqualTo("4\n");
        assertThat(validateAll.exitCode()).as(validateAll.out() + validateAll.err()).isEqualTo(1);
        assertThat(validateAll.out()).contains("environments/stäging prod.yaml").contains("[layout.environment-name]")
                .contains("rename it (for example to environments/staging-prod.yaml)");
        assertThat(validateOne.exitCode()).as(validateOne.out() + validateOne.err()).isEqualTo(1);
        assertThat(validateOne.out()).contains("\"rule\" : \"layout.environment-name\"")
                .contains("environments/stäging prod.yaml");
        assertNoStackTrace(validateAll);
    }

    @Test
    void twoFilesForOneEnvironmentFailOnlyTheCommandsAboutItNamingBothFiles() throws Exception {
        Files.writeString(config.resolve("environments/production.json"), "{\"kgot\": {\"reasoning_depth\": 9}}\n");

        CliRun getProduction = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot");
        CliRun getStaging = CliRun.in(config, "get", "--scope", "global", "--name", "staging", "--path",
                "kgot.reasoning_depth");
        CliRun validate = CliRun.in(config, "validate");

        assertThat(getProduction.exitCode()).isEqualTo(2);
        assertThat(getProduction.err()).contains("error: environments/production.json: environment 'production' has "
                + "several override documents: environments/production.json, environments/production.yaml")
                .contains("keep one file per environment");
        assertThat(getStaging.exitCode()).as(getStaging.err()).isZero();
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isEqualTo(1);
        assertThat(validate.out()).contains("[layout.duplicate-environment]").contains("environments/production.json")
                .contains("environments/production.yaml");
        assertNoStackTrace(getProduction);
    }

    @Test
    void aDanglingLinkIsNamedWithItsTargetInsteadOfTakenForAMissingFile() throws Exception {
        Path staging = config.resolve("environments/staging.json");
        Files.delete(staging);
        Files.createSymbolicLink(staging, Path.of("../../staging-moved.json"));

        CliRun get = CliRun.in(config, "get", "--scope", "global", "--name", "staging", "--path", "kgot");
        CliRun other = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth");
        CliRun validate = CliRun.in(config, "validate");

        assertThat(get.exitCode()).isEqualTo(2);
        assertThat(get.err()).contains("error: environments/staging.json: a symbolic link to '../../staging-moved.json', "
                + "which does not exist").doesNotContain("environments/staging.yaml or declare");
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("environments/staging.json: a symbolic link to");
        assertNoStackTrace(get);
    }

    @Test
    void aLoopOfLinksInGlobalIsBadInputForEveryCommandThatMergesNamingTheLink() throws Exception {
        Files.createSymbolicLink(config.resolve("global/a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(config.resolve("global/b.yaml"), Path.of("a.yaml"));

        CliRun get = CliRun.in(config, "get", "--scope", "global", "--name", "production", "--path", "kgot");

        assertThat(get.exitCode()).isEqualTo(2);
        assertThat(get.err()).contains("error: global/a.yaml: a symbolic link to 'b.yaml' in a loop of symbolic links");
        assertNoStackTrace(get);
    }
}
