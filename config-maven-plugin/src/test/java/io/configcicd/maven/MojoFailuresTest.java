package io.configcicd.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The one mapping of the core's failures to Maven's exceptions. */
class MojoFailuresTest {

    private static final Origin ORIGIN = Origin.of("environments/production.yaml", 3, 7);

    @Test
    void badInputFailsTheBuildWithTheCoresMessageAndNoCause() {
        assertThatThrownBy(() -> MojoFailures.rethrow(new ConfigCicdException(ErrorKind.BAD_INPUT, ORIGIN,
                "cannot parse", "fix the YAML", new IllegalStateException("parser internals"))))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("environments/production.yaml:3:7: cannot parse (fix the YAML)")
                .hasNoCause();
    }

    @Test
    void findingsFailTheBuild() {
        assertThatThrownBy(() -> MojoFailures.rethrow(new ConfigCicdException(ErrorKind.FINDINGS, ORIGIN,
                "risk too high", "")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("environments/production.yaml:3:7: risk too high");
    }

    @Test
    void accessDeniedFailsTheBuild() {
        assertThatThrownBy(() -> MojoFailures.rethrow(new ConfigCicdException(ErrorKind.ACCESS_DENIED,
                Origin.UNKNOWN, "alice may not deploy to production", "ask an owner")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("alice may not deploy to production (ask an owner)");
    }

    @Test
    void externalFailureIsAnExecutionErrorKeepingTheUnderlyingCause() {
        IOException io = new IOException("disk full");

        assertThatThrownBy(() -> MojoFailures.rethrow(ConfigCicdException.external("git failed",
                "check the repository", io)))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("git failed (check the repository)")
                .hasCause(io);
    }

    @Test
    void theFileOfAFailureIsNamedFromTheRepositoryRootAsFindingsAre() {
        assertThatThrownBy(() -> MojoFailures.rethrow(new ConfigCicdException(ErrorKind.BAD_INPUT, ORIGIN,
                "cannot parse", "fix the YAML"), java.util.function.UnaryOperator.identity(),
                new io.configcicd.core.report.RepositoryPaths("configuration/")::origin))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("configuration/environments/production.yaml:3:7: cannot parse (fix the YAML)");
    }
}
