package io.configcicd.core.source;

import io.configcicd.core.history.Commits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Scope;
import io.configcicd.core.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveAtRevisionTest {

    @TempDir
    Path tmp;

    private Commits twoVersions(String dir) {
        Commits c = new Commits(GitRepo.init(tmp.resolve("repo")));
        c.repo().write(dir + "global/10-base.yaml", "kgot: {depth: 3, ttl: 60}\nlog: info\n")
                .write(dir + "global/20-more.json", "{\"log\": \"warn\"}\n")
                .write(dir + "environments/production.yaml", "kgot:\n  depth: 5\n")
                .write(dir + "global/notes.txt", "not configuration\n");
        c.commit("v1");
        c.repo().git("tag", "v1.2.3");
        c.repo().write(dir + "environments/production.yaml", "kgot:\n  depth: 9\n")
                .write(dir + "environments/staging.yaml", "log: debug\n")
                .write(dir + "config-cicd.yaml", "environments: [production, staging, qa]\n");
        c.commit("v2");
        return c;
    }

    private static Consumer<Throwable> badInput(String problem) {
        return t -> {
            assertThat(t).isInstanceOf(ConfigCicdException.class);
            assertThat(((ConfigCicdException) t).kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(((ConfigCicdException) t).problem()).contains(problem);
        };
    }

    @Test
    void theEffectiveConfigurationOfATagIsReadFromGitWithWorkTreeOrigins() {
        Commits c = twoVersions("");

        try (EffectiveAtRevision at = EffectiveAtRevision.open(c.root())) {
            ConfigMap then = at.effective("v1.2.3", "production");
            ConfigMap now = at.effective("main", "production");

            assertThat(then.toPlain()).isEqualTo(Map.of("kgot", Map.of("depth", 5L, "ttl", 60L), "log", "warn"));
            assertThat(now.toPlain()).isEqualTo(Map.of("kgot", Map.of("depth", 9L, "ttl", 60L), "log", "warn"));
            ConfigNode depth = ((ConfigMap) then.getOrNull("kgot")).getOrNull("depth");
            assertThat(depth.origin().toString()).isEqualTo("environments/production.yaml:2:10");
            assertThat(depth.overridden()).extracting(n -> n.origin().file()).containsExactly("global/10-base.yaml");
            assertThat(then.getOrNull("log").origin().file()).isEqualTo("global/20-more.json");
            assertThat(at.commitId("v1.2.3")).isEqualTo(c.repo().git("rev-parse", "v1.2.3^{commit}").trim());
            assertThat(at.configuration("v1.2.3", Scope.ENVIRONMENT, "production").toPlain())
                    .isEqualTo(Map.of("kgot", Map.of("depth", 5L)));
        }
    }

    @Test
    void atHeadItEqualsWhatTheConfigurationManagerReadsFromTheWorkTree() {
        Commits c = twoVersions("conf/");
        Path dir = c.root().resolve("conf");

        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            for (String env : new String[] {"production", "staging", "qa"}) {
                assertThat(EffectiveAtRevision.of(dir, "HEAD", env).toPlain())
                        .isEqualTo(manager.getMergedConfiguration(env).root().toPlain());
            }
        }
    }

    @Test
    void anEnvironmentDeclaredOnlyInTheSettingsHasTheBaseDocumentsAloneAndAnEmptyOverride() {
        Commits c = twoVersions("");

        try (EffectiveAtRevision at = EffectiveAtRevision.open(c.root())) {
            assertThat(at.effective("HEAD", "qa").toPlain()).isEqualTo(Map.of("kgot", Map.of("depth", 3L, "ttl", 60L), "log", "warn"));
            assertThat(at.configuration("HEAD", Scope.ENVIRONMENT, "qa").isEmpty()).isTrue();
            assertThat(at.environments("HEAD")).containsExactly("production", "qa", "staging");
            assertThat(at.settings("HEAD").environment("qa")).isPresent();
            assertThat(at.settings("v1.2.3").environments()).isEmpty();
        }
    }

    @Test
    void anEnvironmentMissingAtTheRevisionIsBadInputNamingTheRevision() {
        Commits c = twoVersions("");

        try (EffectiveAtRevision at = EffectiveAtRevision.open(c.root())) {
            assertThatThrownBy(() -> at.effective("v1.2.3", "staging"))
                    .satisfies(badInput("environment 'staging' does not exist at v1.2.3"))
                    .hasMessageContaining("production");
            assertThatThrownBy(() -> at.effective("no-such-tag", "production")).satisfies(badInput("unknown revision 'no-such-tag'"));
            assertThatThrownBy(() -> at.effective("HEAD", "../etc")).satisfies(badInput("invalid environment name"));
        }
    }

    @Test
    void twoOverrideDocumentsOrABrokenDocumentAtARevisionAreBadInputThatNamesTheRevision() {
        Commits c = twoVersions("");
        c.repo().write("environments/production.yml", "kgot: {depth: 1}\n").write("global/10-base.yaml", "kgot: [\n");
        c.commit("broken");

        try (EffectiveAtRevision at = EffectiveAtRevision.open(c.root())) {
            assertThatThrownBy(() -> at.effective("HEAD", "production")).satisfies(badInput("several override documents at HEAD"));
            assertThatThrownBy(() -> at.effective("HEAD", "staging"))
                    .satisfies(badInput("(in revision HEAD)"))
                    .satisfies(t -> assertThat(((ConfigCicdException) t).origin().file()).isEqualTo("global/10-base.yaml"));
        }
    }

    @Test
    void aDirectoryOutsideGitIsBadInput() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain/configuration"));

        assertThatThrownBy(() -> EffectiveAtRevision.open(dir)).satisfies(badInput("is not inside a git repository"));
    }

    @Test
    void theFirstParentOfARootCommitIsNoneButThatOfAShallowBoundaryIsRefused() {
        Commits c = twoVersions("");
        GitRepo shallow = c.repo().shallowClone(tmp.resolve("shallow"), 1);
        String head = c.head();

        try (EffectiveAtRevision at = EffectiveAtRevision.open(c.root())) {
            assertThat(at.firstParent("v1.2.3")).isEmpty();
            assertThat(at.firstParent("HEAD")).contains(c.repo().git("rev-parse", "v1.2.3^{commit}").trim());
        }
        try (EffectiveAtRevision at = EffectiveAtRevision.open(shallow.root())) {
            assertThatThrownBy(() -> at.firstParent("HEAD"))
                    .satisfies(badInput("the parent of " + head.substring(0, 7) + " (HEAD) is not in this clone"))
                    .satisfies(t -> assertThat(((ConfigCicdException) t).hint()).contains("fetch-depth: 0"));
        }
    }

    @Test
    void aFileInEnvironmentsThatIsNoEnvironmentIsAProblemOfTheRevisionAndNamesNoEnvironment() {
        Commits c = twoVersions("");
        c.repo().write("environments/stäging prod.yaml", "log: x\n");
        c.commit("a badly named file");

        try (EffectiveAtRevision at = EffectiveAtRevision.open(c.root())) {
            assertThat(at.environments("HEAD")).containsExactly("production", "qa", "staging");
            assertThat(at.problems("HEAD")).extracting(p -> p.file()).containsExactly("environments/stäging prod.yaml");
            assertThat(at.problems("v1.2.3")).isEmpty();
            assertThat(at.validationSource("HEAD").problems()).hasSize(1);
        }
    }

    @Test
    void aRevisionsSnapshotNamesItsCommitAndMasksTheSecretsOnlyThatRevisionHolds() {
        Commits c = twoVersions("");
        c.repo().write("global/30-db.yaml", "db: {password: only-in-this-commit-pw}\n");
        String id = c.commit("a password");
        c.repo().write("global/30-db.yaml", "db:\n  password: ${DB_PASSWORD}\n");
        c.commit("the password becomes a reference");

        try (EffectiveAtRevision at = EffectiveAtRevision.open(c.root())) {
            Snapshot then = at.validationSource(id.substring(0, 7));
            assertThat(then.revision()).contains(id);
            assertThat(then.secrets().mask("pw=only-in-this-commit-pw")).doesNotContain("only-in-this-commit-pw");
            assertThat(at.validationSource("HEAD").secrets().mask("pw=only-in-this-commit-pw"))
                    .contains("only-in-this-commit-pw");
        }
    }
}
