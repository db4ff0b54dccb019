package io.configcicd.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** targets:, deploy:, monitor: and environments.E.targets in config-cicd.yaml. */
class DeploySettingsTest {

    private static ConfigMap yaml(String text) {
        return (ConfigMap) new YamlCodec().parse(text.getBytes(StandardCharsets.UTF_8), Settings.FILE_NAME,
                LoadLimits.DEFAULT);
    }

    @Test
    void anEnvironmentListsItsTargetsAndTheDeploySectionHasDefaults() {
        Settings s = Settings.from(yaml("targets:\n  local: {type: file}\nenvironments:\n  dev: {targets: [local]}\n"
                + "monitor: {interval: 10s}\n"));
        assertThat(s.environment("dev").orElseThrow().targets()).containsExactly("local");
        assertThat(DeploySettings.from(s.raw())).isEqualTo(new DeploySettings(0.5, List.of()));
    }

    @Test
    void anUnknownTargetNameIsAnErrorAtItsLineNamingTheKnownTargets() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> Settings.from(yaml(
                "targets:\n  local: {type: file}\n  cache: {type: redis}\nenvironments:\n  dev:\n    targets: [locl]\n")));
        assertThat(e.origin().line()).isEqualTo(6);
        assertThat(e.problem()).contains("environments.dev.targets names 'locl'");
        assertThat(e.hint()).contains("local, cache");
    }

    @Test
    void deployGuardrailsAreReadAndAWrongRatioIsAnError() {
        assertThat(DeploySettings.from(yaml("deploy: {max_change_ratio: 0.2, protected_keys: [security.**]}\n")))
                .isEqualTo(new DeploySettings(0.2, List.of("security.**")));
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> Settings.from(yaml("deploy:\n  max_change_ratio: 2\n")));
        assertThat(e.origin().line()).isEqualTo(2);
        assertThat(e.problem()).contains("deploy.max_change_ratio");
        ConfigCicdException unknown = catchThrowableOfType(ConfigCicdException.class,
                () -> Settings.from(yaml("deploy:\n  max_ratio: 0.3\n")));
        assertThat(unknown.hint()).contains("max_change_ratio, protected_keys");
    }
}
