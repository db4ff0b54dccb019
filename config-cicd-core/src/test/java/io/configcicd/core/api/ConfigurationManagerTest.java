package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.Interpolator;
import io.configcicd.core.model.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationManagerTest {

    private static final String BASE = """
            # shared base
            kgot:
              num_next_steps_decision: 3   # how many steps to plan
              reasoning_depth: 3
              cache_ttl: 3600
            models:
              default_models:
                reasoning: "gpt-4"
            features:
              debug_ui: true
            """;
    private static final String PROD = """
            # production overrides
            kgot:
              num_next_steps_decision: 5  # more steps in production

            features:
              debug_ui: null   # removed in production
            """;

    @TempDir
    Path dir;
    private ConfigurationManager manager;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("global"));
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("global/base.yaml"), BASE);
        Files.writeString(dir.resolve("global/zz-limits.toml"), "# limits\n[kgot]\ngraph_traversal_limit = 200\n");
        Files.writeString(dir.resolve("global/models.json"), "{\n  \"models\": {\"default_models\": {\"coding\": \"gpt-4\"}}\n}\n");
        Files.writeString(dir.resolve("environments/production.yaml"), PROD);
        Files.writeString(dir.resolve("environments/development.json"), "{\n  \"kgot\": {\n    \"reasoning_depth\": 1\n  }\n}\n");
        Files.writeString(dir.resolve("config-cicd.yaml"), "environments:\n  development: {}\n  staging: {}\n  production: {protected: true}\n");
        manager = ConfigurationManager.open(dir);
    }

    @Test
    void effectiveConfigurationMergesGlobalDocumentsInNameOrderThenTheOverride() {
        Configuration prod = manager.getConfiguration(Scope.GLOBAL, "production");

        assertThat(prod.get("kgot.num_next_steps_decision", 0)).isEqualTo(5);
        assertThat(prod.get("kgot.reasoning_depth", 0)).isEqualTo(3);
        assertThat(prod.get("kgot.graph_traversal_limit", 0)).isEqualTo(200);
        assertThat(prod.get("models.default_models", Map.of())).isEqualTo(Map.of("reasoning", "gpt-4", "coding", "gpt-4"));
        assertThat(prod.contains("features.debug_ui")).isFalse();
        assertThat(prod.node("kgot.num_next_steps_decision").orElseThrow().origin().toString())
                .isEqualTo("environments/production.yaml:3:28");
        assertThat(prod.node("kgot.graph_traversal_limit").orElseThrow().origin().file()).isEqualTo("global/zz-limits.toml");

        Configuration dev = manager.getMergedConfiguration("development");
        assertThat(dev.get("kgot.reasoning_depth", 0)).isEqualTo(1);
        assertThat(dev.get("features.debug_ui", false)).isTrue();
    }

    @Test
    void environmentScopeIsTheOverrideDocumentAlone() {
        Configuration override = manager.getConfiguration(Scope.ENVIRONMENT, "production");
        assertThat(override.contains("kgot.reasoning_depth")).isFalse();
        assertThat(override.get("kgot.num_next_steps_decision", 0)).isEqualTo(5);
        assertThat(manager.getConfiguration(Scope.ENVIRONMENT, "staging").toMap()).isEmpty();
    }

    @Test
    void explainTellsWhereTheValueWasSetAndWhatItOverrode() {
        Explanation e = manager.explain("production", "kgot.num_next_steps_decision");
        assertThat(e.setAt().toString()).isEqualTo("environments/production.yaml:3:28");
        assertThat(e.overridden()).hasSize(1);
        assertThat(e.overridden().get(0).toPlain()).isEqualTo(3L);
        assertThat(e.overridden().get(0).origin().toString()).isEqualTo("global/base.yaml:3:28");
    }

    @Test
    void updateChangesOneLineOfTheOverrideAndKeepsItsComments() throws Exception {
        manager.updateConfiguration(Scope.GLOBAL, "production", "kgot.num_next_steps_decision", 7);

        List<String> before = PROD.lines().toList();
        List<String> after = Files.readString(dir.resolve("environments/production.yaml")).lines().toList();
        assertThat(after).hasSameSizeAs(before);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(i);
            }
        }
        assertThat(changed).containsExactly(2);
        assertThat(after.get(2)).isEqualTo("  num_next_steps_decision: 7  # more steps in production");
        assertThat(manager.getMergedConfiguration("production").get("kgot.num_next_steps_decision", 0)).isEqualTo(7);
    }

    @Test
    void updatingAKeyOnlyTheBaseHasAddsItToTheOverrideAndLeavesOtherEnvironmentsAlone() throws Exception {
        UpdateResult r = manager.updateConfiguration(Scope.GLOBAL, "production", "kgot.cache_ttl", 60);

        assertThat(r.file()).isEqualTo("environments/production.yaml");
        assertThat(r.updates().get(0).previous().orElseThrow().toPlain()).isEqualTo(3600L);
        assertThat(manager.getMergedConfiguration("production").get("kgot.cache_ttl", 0)).isEqualTo(60);
        assertThat(manager.getMergedConfiguration("development").get("kgot.cache_ttl", 0)).isEqualTo(3600);
        assertThat(Files.readString(dir.resolve("global/base.yaml"))).isEqualTo(BASE);
    }

    @Test
    void updateAcceptsAWholeSubtreeAndBatchUpdatesWriteOnce() {
        Map<String, Object> alita = new LinkedHashMap<>();
        alita.put("timeout", 300);
        alita.put("supported_languages", List.of("python", "javascript"));
        manager.updateConfiguration(Scope.GLOBAL, "staging", "alita.environment_manager", alita);
        manager.batchUpdateConfiguration(Scope.GLOBAL, "staging", Map.of("kgot.reasoning_depth", 4, "kgot.graph_traversal_limit", 250));

        Configuration staging = manager.getMergedConfiguration("staging");
        assertThat(staging.getList("alita.environment_manager.supported_languages")).containsExactly("python", "javascript");
        assertThat(staging.get("kgot.reasoning_depth", 0)).isEqualTo(4);
        assertThat(staging.get("kgot.graph_traversal_limit", 0)).isEqualTo(250);
        assertThat(dir.resolve("environments/staging.yaml")).exists();
    }

    @Test
    void jsonAndTomlOverridesAreEditedInTheirOwnFormat() throws Exception {
        manager.updateConfiguration(Scope.ENVIRONMENT, "development", "kgot.reasoning_depth", 2);
        assertThat(Files.readString(dir.resolve("environments/development.json")))
                .isEqualTo("{\n  \"kgot\": {\n    \"reasoning_depth\": 2\n  }\n}\n");
    }

    @Test
    void saveKeepsCommentsOfKeysThatDidNotChange() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kgot", Map.of("num_next_steps_decision", 5));
        doc.put("features", Map.of("experimental_features", false));
        manager.saveConfiguration(Scope.ENVIRONMENT, "production", doc);

        String text = Files.readString(dir.resolve("environments/production.yaml"));
        assertThat(text).contains("# production overrides").contains("num_next_steps_decision: 5  # more steps in production");
        assertThat(manager.getConfiguration(Scope.ENVIRONMENT, "production").toMap())
                .isEqualTo(Map.of("kgot", Map.of("num_next_steps_decision", 5L), "features", Map.of("experimental_features", false)));
    }

    @Test
    void asyncVariantsCompleteWithTheSameResults() throws Exception {
        manager.updateConfigurationAsync(Scope.GLOBAL, "production", "kgot.reasoning_depth", 6).get();
        assertThat(manager.getConfigurationAsync(Scope.GLOBAL, "production").get().get("kgot.reasoning_depth", 0)).isEqualTo(6);
    }

    @Test
    void openStartsNoThreadOfItsOwnEvenForTheAsyncVariants() throws Exception {
        Configuration prod = manager.getConfigurationAsync(Scope.GLOBAL, "production").get();

        assertThat(prod.get("kgot.num_next_steps_decision", 0)).isEqualTo(5);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("config-cicd-"));
    }

    @Test
    void anExecutorPassedToOpenRunsTheAsyncVariants() throws Exception {
        java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
        try (ConfigurationManager counted = ConfigurationManager.open(dir, r -> {
            tasks.incrementAndGet();
            r.run();
        })) {
            assertThat(counted.getMergedConfigurationAsync("production").get().get("kgot.reasoning_depth", 0)).isEqualTo(3);
            counted.validateConfigurationAsync(Scope.GLOBAL, "production").get();
        }
        assertThat(tasks).hasValue(2);
    }

    @Test
    void listAndDelete() {
        assertThat(manager.listConfigurations(Scope.GLOBAL)).containsExactly("development", "production", "staging");
        assertThat(manager.listConfigurations(Scope.ENVIRONMENT)).containsExactly("development", "production");
        assertThat(manager.deleteConfiguration(Scope.ENVIRONMENT, "development")).isTrue();
        assertThat(manager.listConfigurations(Scope.ENVIRONMENT)).containsExactly("production");
    }

    @Test
    void namesOutsideTheDirectoryAreBadInput() throws Exception {
        for (String bad : new String[] {"../etc", "/etc/passwd", "..", "a/b", ".hidden", "prod;rm"}) {
            assertThatThrownBy(() -> manager.getConfiguration(Scope.GLOBAL, bad))
                    .isInstanceOf(ConfigCicdException.class)
                    .satisfies(e -> assertThat(((ConfigCicdException) e).kind()).isEqualTo(ErrorKind.BAD_INPUT));
        }
        Path outside = Files.createTempFile("outside", ".yaml");
        Files.writeString(outside, "a: 1\n");
        Files.createSymbolicLink(dir.resolve("environments/evil.yaml"), outside);
        assertThatThrownBy(() -> manager.getMergedConfiguration("evil"))
                .hasMessageContaining("leads outside the configuration directory");
        Files.delete(outside);
    }

    @Test
    void unknownEnvironmentAndBrokenFilesAreBadInputWithFileAndLine() throws Exception {
        assertThatThrownBy(() -> manager.getMergedConfiguration("qa"))
                .hasMessageContaining("unknown environment 'qa'").hasMessageContaining("production");
        Files.writeString(dir.resolve("environments/production.yaml"), "kgot:\n  a: 1\n  a: 2\n");
        assertThatThrownBy(() -> manager.getMergedConfiguration("production"))
                .isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("environments/production.yaml:3");
        Files.writeString(dir.resolve("environments/production.yaml"), "- a\n- b\n");
        assertThatThrownBy(() -> manager.getMergedConfiguration("production")).hasMessageContaining("must be a mapping");
    }

    @Test
    void aWriteThatWouldBreakTheFileIsRefusedAndTheFileStaysAsItWas() throws Exception {
        assertThatThrownBy(() -> manager.updateConfiguration(Scope.GLOBAL, "production", "kgot.num_next_steps_decision.deeper", 1))
                .isInstanceOf(ConfigCicdException.class);
        assertThat(Files.readString(dir.resolve("environments/production.yaml"))).isEqualTo(PROD);
    }

    @Test
    void resolvedConfigurationSubstitutesVariables() throws Exception {
        Files.writeString(dir.resolve("global/secrets.yaml"), "models:\n  openai:\n    api_key: \"${OPENAI_KEY:-none}\"\n");
        Configuration c = manager.getResolvedConfiguration(Scope.GLOBAL, "production",
                Interpolator.fromMap(Map.of("OPENAI_KEY", "sk-live")));
        assertThat(c.get("models.openai.api_key", "")).isEqualTo("sk-live");
        assertThat(manager.getMergedConfiguration("production").get("models.openai.api_key", "")).isEqualTo("${OPENAI_KEY:-none}");
    }
}
