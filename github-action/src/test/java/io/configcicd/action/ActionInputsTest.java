package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionInputsTest {

    private static final Map<String, String> RUNNER = Map.of("GITHUB_WORKSPACE", "/w", "GITHUB_RUN_ID", "99");

    private static ActionInputs read(String... inputs) {
        Map<String, String> env = new java.util.HashMap<>(RUNNER);
        for (int i = 0; i < inputs.length; i += 2) {
            env.put(ActionInputs.variable(inputs[i]), inputs[i + 1]);
        }
        return ActionInputs.from(env, RunnerContext.from(env));
    }

    @Test
    void blankInputsTakeTheirDefaults() {
        ActionInputs in = read("command", " ", "environment", "", "dry_run", "false", "fail_on", "");

        assertThat(in.command()).isEqualTo(ActionCommand.ASSESS);
        assertThat(in.configDir()).isEqualTo(Path.of("/w/configuration"));
        assertThat(in.environments()).isEmpty();
        assertThat(in.deploymentId()).contains("99");
        assertThat(in.failOn()).isEmpty();
        assertThat(in.dryRun()).isFalse();
    }

    @Test
    void listsAreSeparatedByCommasOrNewlinesAndPathsResolvedAgainstTheWorkspace() {
        ActionInputs in = read("command", "Validate", "config_dir", "deploy/config/", "environment",
                "production, staging\n\ndevelopment\n", "targets", "consul,redis", "duration", "300",
                "dry_run", "true", "deployment_id", "d-1");

        assertThat(in.command()).isEqualTo(ActionCommand.VALIDATE);
        assertThat(in.configDir()).isEqualTo(Path.of("/w/deploy/config"));
        assertThat(in.environments()).containsExactly("production", "staging", "development");
        assertThat(in.targets()).containsExactly("consul", "redis");
        assertThat(in.duration()).isEqualTo(Optional.of(Duration.ofSeconds(300)));
        assertThat(in.dryRun()).isTrue();
        assertThat(in.deploymentId()).contains("d-1");
    }

    @Test
    void malformedInputsAreBadInputNamingTheInput() {
        assertThatThrownBy(() -> read("duration", "five minutes")).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("input duration");
        assertThatThrownBy(() -> read("dry_run", "maybe")).hasMessageContaining("input dry_run");
        assertThatThrownBy(() -> read("command", "rollback"))
                .satisfies(e -> assertThat(((ConfigCicdException) e).kind()).isEqualTo(ErrorKind.BAD_INPUT))
                .hasMessageContaining("input command: unknown command 'rollback'");
        for (String bad : new String[] {"0", "-5", "5 minutes", "10d", "1.5s", "ms"}) {
            assertThatThrownBy(() -> read("command", "monitor", "duration", bad)).as(bad)
                    .hasMessageContaining("input duration: '" + bad + "' is not a duration");
        }
    }

    @Test
    void aDurationIsSecondsOrANumberWithAUnit() {
        assertThat(read("command", "monitor", "duration", "300").duration()).contains(Duration.ofSeconds(300));
        assertThat(read("duration", "500ms").duration()).contains(Duration.ofMillis(500));
        assertThat(read("duration", "10s").duration()).contains(Duration.ofSeconds(10));
        assertThat(read("duration", " 5M ").duration()).contains(Duration.ofMinutes(5));
        assertThat(read("duration", "1h").duration()).contains(Duration.ofHours(1));
        assertThat(read("command", "monitor").command()).isEqualTo(ActionCommand.MONITOR);
    }

    @Test
    void inputVariablesAreNamedAsGithubNamesThem() {
        assertThat(ActionInputs.variable("config_dir")).isEqualTo("INPUT_CONFIG_DIR");
        assertThat(ActionInputs.variable("fail on")).isEqualTo("INPUT_FAIL_ON");
    }
}
