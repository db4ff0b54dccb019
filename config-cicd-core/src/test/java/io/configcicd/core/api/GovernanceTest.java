package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.access.AccessDeniedException;
import io.configcicd.core.security.access.Permission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceTest {

    @TempDir
    Path dir;

    private ConfigDirectory directory;

    @BeforeEach
    void directory() throws Exception {
        Files.createDirectories(dir.resolve("global"));
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("global/base.yaml"), "service: {port: 8080}\n");
        Files.writeString(dir.resolve("environments/development.yaml"), "token: ENC[dev]\n");
        Files.writeString(dir.resolve("environments/production.yaml"), "token: ENC[prod]\n");
        Files.writeString(dir.resolve("config-cicd.yaml"), """
                access:
                  roles:
                    developer: {permissions: [read, write, reveal], environments: [development]}
                    operator: {permissions: [read, write, rollback, reveal], environments: ["*"]}
                    owner: {permissions: [write, admin]}
                    keeper: {permissions: [admin]}
                  bindings:
                    dave: [developer]
                    carol: [operator]
                    olivia: [owner]
                    kim: [keeper]
                """);
        directory = ConfigDirectory.open(dir, io.configcicd.core.repo.Codecs.standard(), Runnable::run);
    }

    private Governance as(String user) {
        return Governance.of(directory, Map.of("CONFIG_CICD_USER", user));
    }

    @Test
    void aWriteToASharedFileNeedsThePermissionOnEveryEnvironment() {
        assertThat(as("dave").requireFiles(Permission.WRITE, List.of("environments/development.yaml"), "set")
                .environments()).containsExactly("development");
        assertThatThrownBy(() -> as("dave").requireFiles(Permission.WRITE, List.of("global/base.yaml"), "validate --fix"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("on environment 'production'")
                .hasMessageContaining("validate --fix writes global/base.yaml, which every environment reads");
        assertThat(as("carol").requireFiles(Permission.WRITE, List.of("global/base.yaml"), "set").environments())
                .containsExactly("development", "production");
    }

    @Test
    void aWriteToTheSettingsFileAlsoNeedsAdmin() {
        assertThatThrownBy(() -> as("carol").requireFiles(Permission.ROLLBACK, List.of("config-cicd.yaml"), "rollback"))
                .isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertThat(((AccessDeniedException) e).permission()).isEqualTo(Permission.ADMIN))
                .hasMessageContaining("config-cicd.yaml, whose settings");
        assertThat(as("olivia").requireFiles(Permission.WRITE, List.of("config-cicd.yaml"), "set").settings()).isTrue();
    }

    @Test
    void nothingToWriteNeedsNothing() {
        assertThat(as("nobody").requireFiles(Permission.WRITE, List.of(), "rollback").environments()).isEmpty();
    }

    @Test
    void decryptIsCheckedAgainstTheFilesThatHoldTheValue() {
        assertThat(as("dave").requireDecrypt(directory, "ENC[dev]", "decrypt").environments())
                .containsExactly("development");
        assertThatThrownBy(() -> as("dave").requireDecrypt(directory, "ENC[prod]", "decrypt"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("the value is in environments/production.yaml");
        assertThatThrownBy(() -> as("dave").requireDecrypt(directory, "ENC[elsewhere]", "decrypt"))
                .hasMessageContaining("in no file of the configuration");
        assertThat(as("carol").requireDecrypt(directory, "ENC[elsewhere]", "decrypt").environments())
                .containsExactly("development", "production");
        assertThat(as("kim").requireDecrypt(directory, "ENC[elsewhere]", "decrypt").files()).isEmpty();
    }
}
