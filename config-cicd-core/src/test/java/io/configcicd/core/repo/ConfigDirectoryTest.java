package io.configcicd.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory on disk: which files are environments (issue 10 item 10) and symbolic links (item 11). */
class ConfigDirectoryTest {

    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void twoEnvironments() throws IOException {
        dir = tmp.resolve("configuration");
        write("global/base.yaml", "app:\n  port: 8080\n");
        write("environments/production.yaml", "app:\n  replicas: 3\n");
        write("environments/staging.yaml", "app:\n  replicas: 1\n");
    }

    private void write(String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private ConfigDirectory open() {
        return ConfigDirectory.open(dir, Codecs.standard(), Runnable::run);
    }

    private static Consumer<Throwable> badInputAt(String file, String problem) {
        return t -> {
            assertThat(t).isInstanceOf(ConfigCicdException.class);
            ConfigCicdException e = (ConfigCicdException) t;
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.origin()).isEqualTo(Origin.file(file));
            assertThat(e.problem()).contains(problem);
        };
    }

    // ----------------------------------------------------------------- item 10: names in environments/

    @Test
    void aFileWhoseNameIsNoEnvironmentNameIsAProblemNamingItAndOtherEnvironmentsStillWork() throws IOException {
        write("environments/stäging prod.yaml", "app:\n  replicas: 2\n");
        ConfigDirectory d = open();

        assertThat(d.environments()).containsExactly("production", "staging");
        assertThat(d.environmentDocument("production")).contains("environments/production.yaml");
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo(DirectoryProblem.ENVIRONMENT_NAME);
            assertThat(p.file()).isEqualTo("environments/stäging prod.yaml");
            assertThat(p.problem()).contains("'stäging prod' is not a valid environment name");
            assertThat(p.hint()).contains("rename it (for example to environments/staging-prod.yaml)");
        });
    }

    @Test
    void twoFilesForOneEnvironmentAreAProblemAtEachFileAndAnErrorOnlyForThatEnvironment() throws IOException {
        write("environments/production.json", "{\"app\": {\"replicas\": 4}}\n");
        ConfigDirectory d = open();

        assertThat(d.environments()).containsExactly("staging");
        assertThat(d.environmentDocument("staging")).contains("environments/staging.yaml");
        assertThat(d.problems()).extracting(DirectoryProblem::file)
                .containsExactly("environments/production.json", "environments/production.yaml");
        assertThat(d.problems()).allSatisfy(p -> assertThat(p.ruleId()).isEqualTo(DirectoryProblem.DUPLICATE_ENVIRONMENT));
        assertThatThrownBy(() -> d.environmentDocument("production")).satisfies(badInputAt(
                "environments/production.json", "environment 'production' has several override documents: "
                        + "environments/production.json, environments/production.yaml"));
    }

    @Test
    void aTidyDirectoryHasNoProblems() {
        assertThat(open().problems()).isEmpty();
    }

    // ----------------------------------------------------------------- item 11: symbolic links

    @Test
    void aDanglingLinkInEnvironmentsIsListedAndReadingItNamesTheLinkAndItsTarget() throws IOException {
        Files.delete(dir.resolve("environments/staging.yaml"));
        Files.createSymbolicLink(dir.resolve("environments/staging.yaml"), Path.of("../staging-old.yaml"));
        ConfigDirectory d = open();

        assertThat(d.environments()).containsExactly("production", "staging");
        assertThat(d.environmentDocument("staging")).contains("environments/staging.yaml");
        assertThatThrownBy(() -> d.document("environments/staging.yaml")).satisfies(badInputAt(
                "environments/staging.yaml", "a symbolic link to '../staging-old.yaml', which does not exist"));
        assertThat(d.document("environments/production.yaml").toPlain()).isNotNull();
    }

    @Test
    void aLoopOfLinksIsBadInputNamingTheLink() throws IOException {
        Files.createSymbolicLink(dir.resolve("global/a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(dir.resolve("global/b.yaml"), Path.of("a.yaml"));
        ConfigDirectory d = open();

        assertThat(d.globalDocuments()).containsExactly("global/a.yaml", "global/b.yaml", "global/base.yaml");
        assertThatThrownBy(() -> d.document("global/a.yaml"))
                .satisfies(badInputAt("global/a.yaml", "a symbolic link to 'b.yaml' in a loop of symbolic links"));
    }

    @Test
    void aLinkThatLeadsOutsideIsBadInputNamingTheLinkAndItsTarget() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.yaml"), "a: 1\n");
        Files.createSymbolicLink(dir.resolve("global/shared.yaml"), outside);

        assertThatThrownBy(() -> open().document("global/shared.yaml")).satisfies(badInputAt("global/shared.yaml",
                "a symbolic link to '" + outside + "', which leads outside the configuration directory"));
    }

    @Test
    void aLinkInPlaceOfAFolderIsCheckedWhenTheFolderIsListed() throws IOException {
        Files.createSymbolicLink(dir.resolve("schemas"), tmp.resolve("no-such-folder"));
        Path shared = Files.createDirectories(tmp.resolve("shared-global"));
        Files.writeString(shared.resolve("base.yaml"), "a: 1\n");
        Path global = dir.resolve("global");
        Files.move(global, tmp.resolve("old-global"));
        Files.createSymbolicLink(global, shared);
        ConfigDirectory d = open();

        assertThatThrownBy(d::schemaDocuments).satisfies(badInputAt("schemas", "which does not exist"));
        assertThatThrownBy(d::globalDocuments).satisfies(badInputAt("global", "leads outside the configuration directory"));
    }

    @Test
    void aDanglingSettingsLinkIsNotTakenForNoSettingsFile() throws IOException {
        Files.createSymbolicLink(dir.resolve(Settings.FILE_NAME), Path.of("../settings.yaml"));

        assertThatThrownBy(() -> open().settings()).satisfies(badInputAt(Settings.FILE_NAME,
                "a symbolic link to '../settings.yaml', which does not exist"));
    }

    @Test
    void aLinkToAFileInsideTheDirectoryIsFollowed() throws IOException {
        write("shared/common.yaml", "app:\n  name: x\n");
        Files.createSymbolicLink(dir.resolve("global/common.yaml"), Path.of("../shared/common.yaml"));
        ConfigDirectory d = open();

        assertThat(d.globalDocuments()).containsExactly("global/base.yaml", "global/common.yaml");
        assertThat(d.document("global/common.yaml").toPlain()).hasToString("{app={name=x}}");
    }

    @Test
    void aDocumentWhoseTopLevelIsNoMappingSaysWhatItIsWithTheRightArticle() throws IOException {
        write("global/number.yaml", "5\n");
        write("global/list.yaml", "[1]\n");
        ConfigDirectory d = open();

        assertThatThrownBy(() -> d.document("global/number.yaml")).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("not an integer");
        assertThatThrownBy(() -> d.document("global/list.yaml")).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("not a list");
    }
}
