package io.configcicd.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySnapshotTest {

    @TempDir
    Path dir;

    private DirectorySnapshot snapshot() throws IOException {
        write("global/10-base.yaml", "kgot: {depth: 3, ttl: 60}\ndb: {password: hunter2-literal}\n");
        write("global/20-more.yaml", "kgot: {ttl: 90}\n");
        write("environments/production.yaml", "kgot:\n  depth: 5\n");
        write("environments/staging.yaml", "db: {password: staging-only-pw}\n");
        return DirectorySnapshot.of(ConfigDirectory.open(dir, Codecs.standard(), Runnable::run));
    }

    private void write(String file, String text) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    @Test
    void theEffectiveConfigurationIsTheGlobalsInNameOrderThenTheOverrideWithOrigins() throws IOException {
        ConfigMap production = snapshot().effective("production");

        assertThat(production.toPlain()).isEqualTo(Map.of("kgot", Map.of("depth", 5L, "ttl", 90L),
                "db", Map.of("password", "hunter2-literal")));
        assertThat(ConfigNodes.at(production, io.configcicd.core.model.ConfigPath.parse("kgot.ttl")).origin().file())
                .isEqualTo("global/20-more.yaml");
        assertThat(snapshot().revision()).isEmpty();
    }

    @Test
    void aReplacedDocumentIsWhatTheEffectiveConfigurationIsMergedFromAndTheDiskIsUntouched() throws IOException {
        DirectorySnapshot snapshot = snapshot();
        ConfigMap candidate = (ConfigMap) ConfigNodes.fromPlain(Map.of("kgot", Map.of("depth", 7)), Origin.UNKNOWN);

        DirectorySnapshot replaced = snapshot.withDocument("environments/production.yaml", candidate);

        assertThat(replaced.effective("production").toPlain()).isEqualTo(Map.of("kgot", Map.of("depth", 7L, "ttl", 90L),
                "db", Map.of("password", "hunter2-literal")));
        assertThat(snapshot.effective("production").toPlain()).extracting("kgot").isEqualTo(Map.of("depth", 5L, "ttl", 90L));
        assertThat(Files.readString(dir.resolve("environments/production.yaml"))).contains("depth: 5");
    }

    @Test
    void aNewOverrideDocumentOfAnEnvironmentWithoutOneTakesPart() throws IOException {
        write("config-cicd.yaml", "environments:\n  qa: {}\n");
        DirectorySnapshot snapshot = snapshot();
        ConfigMap candidate = (ConfigMap) ConfigNodes.fromPlain(Map.of("kgot", Map.of("depth", 1)), Origin.UNKNOWN);

        assertThat(snapshot.withDocument("environments/qa.yaml", candidate).effective("qa").toPlain())
                .extracting("kgot").isEqualTo(Map.of("depth", 1L, "ttl", 90L));
    }

    @Test
    void anUnknownEnvironmentIsBadInputNamingTheKnownOnesAndTheFileThatWouldAddIt() throws IOException {
        assertThatThrownBy(() -> snapshot().effective("prod"))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("unknown environment 'prod'").contains("production, staging")
                            .contains("environments/prod.yaml");
                });
    }

    @Test
    void itsMaskerHidesTheSecretsOfEveryEnvironment() throws IOException {
        String out = snapshot().secrets().mask("a=hunter2-literal b=staging-only-pw c=plain");

        assertThat(out).doesNotContain("hunter2-literal").doesNotContain("staging-only-pw").contains("c=plain");
    }
}
