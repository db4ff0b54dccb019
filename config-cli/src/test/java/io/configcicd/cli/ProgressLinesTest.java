package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's progress events on the terminal: the steps with --progress, on standard error only. */
class ProgressLinesTest {

    @TempDir
    Path tmp;

    private Path config;

    @BeforeEach
    void copyExamples() {
        config = CliRun.copyOfExamples(tmp);
    }

    @Test
    void withProgressSetSaysWhichFileItWroteOnStandardErrorAndTheOutputIsUnchanged() {
        CliRun r = CliRun.in(config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "5", "--progress");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("set kgot.reasoning_depth = 5 in environments/production.yaml\n");
        assertThat(r.err()).contains("config-cicd: wrote environments/production.yaml\n")
                .containsPattern("config-cicd: backup \\S+ taken \\((git tag|copy)\\)");
    }

    @Test
    void withoutProgressNothingButTheOutputIsPrinted() {
        CliRun r = CliRun.in(config, "set", "--scope", "global", "--name", "production", "--path",
                "kgot.reasoning_depth", "--value", "5");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }
}
