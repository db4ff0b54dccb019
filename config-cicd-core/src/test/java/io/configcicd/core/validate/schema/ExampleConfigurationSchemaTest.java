package io.configcicd.core.validate.schema;

import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.Origin;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped example must be valid against its own schema, strictly, in every environment. */
class ExampleConfigurationSchemaTest {

    private static final Path EXAMPLE = Path.of("../examples/configuration");

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void exampleEnvironmentIsValidAgainstItsSchema(String environment) {
        try (ConfigurationManager manager = ConfigurationManager.open(EXAMPLE)) {
            assertThat(ConfigDirectory.open(EXAMPLE, Codecs.standard(), Runnable::run).environments()).contains(environment);
            ConfigMap effective = manager.getMergedConfiguration(environment).root();
            RuleContext context = new RuleContext(environment, effective, environment.equals("production"),
                    Map.of(environment, effective));

            List<Violation> violations = new JsonSchemaRule(ConfigDirectory.open(EXAMPLE, Codecs.standard(), Runnable::run), false).check(context);
            List<Violation> strict = new JsonSchemaRule(ConfigDirectory.open(EXAMPLE, Codecs.standard(), Runnable::run), true).check(context);

            assertThat(violations).isEmpty();
            assertThat(strict).isEmpty();
        }
    }

    @Test
    void exampleSchemaRejectsAnOutOfRangePortAtItsOrigin() {
        try (ConfigurationManager manager = ConfigurationManager.open(EXAMPLE)) {
            ConfigMap effective = manager.getMergedConfiguration("production").root();
            Origin where = Origin.of("environments/production.yaml", 14, 11);
            ConfigMap override = (ConfigMap) ConfigNodes.fromPlain(
                    Map.of("services", Map.of("manager_agent", Map.of("port", 70000))), where);
            ConfigMap broken = Merger.mergeMaps(effective, override);

            List<Violation> violations = new JsonSchemaRule(ConfigDirectory.open(EXAMPLE, Codecs.standard(), Runnable::run), false)
                    .check(new RuleContext("production", broken, true, Map.of()));

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.origin()).isEqualTo(where);
                assertThat(v.message()).startsWith("services.manager_agent.port: must be at most 65535 (found 70000)")
                        .contains("[configuration.schema.json#/$defs/service/properties/port/maximum]");
            });
        }
    }
}
