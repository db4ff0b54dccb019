package io.configcicd.core.security.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileReachTest {

    private static final List<String> ALL = List.of("development", "production", "staging");

    @Test
    void anOverrideDocumentReachesItsOwnEnvironmentOnly() {
        FileReach r = FileReach.of(List.of("environments/development.yaml"), ALL);
        assertThat(r.environments()).containsExactly("development");
        assertThat(r.reachesEveryEnvironment()).isFalse();
        assertThat(r.settings()).isFalse();
        assertThat(r.why("development", Permission.WRITE)).isEqualTo("environments/development.yaml");
    }

    @Test
    void baseAndSchemaDocumentsReachEveryEnvironment() {
        for (String shared : List.of("global/base.yaml", "schemas/configuration.schema.json")) {
            FileReach r = FileReach.of(List.of("environments/development.yaml", shared), ALL);
            assertThat(r.environments()).as(shared).containsExactlyElementsOf(ALL);
            assertThat(r.sharedFiles()).containsExactly(shared);
            assertThat(r.why("production", Permission.ROLLBACK)).isEqualTo(shared + ", which every environment reads");
        }
    }

    @Test
    void theSettingsFileReachesEveryEnvironmentAndNeedsAdmin() {
        FileReach r = FileReach.of(List.of("global/base.yaml", "config-cicd.yaml"), ALL);
        assertThat(r.settings()).isTrue();
        assertThat(r.environments()).containsExactlyElementsOf(ALL);
        assertThat(r.why("production", Permission.ADMIN)).startsWith("config-cicd.yaml, whose settings");
        assertThat(r.why("production", Permission.WRITE))
                .isEqualTo("config-cicd.yaml, global/base.yaml, which every environment reads");
    }

    @Test
    void anUnknownFileIsTreatedAsSharedAndAnOverrideOfANewEnvironmentReachesIt() {
        assertThat(FileReach.of(List.of("environments/nested/x.yaml"), ALL).environments()).containsExactlyElementsOf(ALL);
        assertThat(FileReach.of(List.of("other.yaml"), ALL).reachesEveryEnvironment()).isTrue();
        assertThat(FileReach.of(List.of("environments/qa.json"), ALL).environments()).containsExactly("qa");
        assertThat(FileReach.of(List.of(), ALL).environments()).isEmpty();
    }
}
