package io.configcicd.core.validate.schema;

import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSchemaRuleTest {

    private static final String COMMON = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "port": {"type": "integer", "minimum": 1, "maximum": 65535}
              }
            }
            """;

    private static final String CONFIGURATION = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["kgot", "services"],
              "properties": {
                "kgot": {
                  "type": "object",
                  "required": ["reasoning_depth"],
                  "properties": {
                    "reasoning_depth": {"type": "integer", "minimum": 1},
                    "debug_mode": {"type": "boolean"}
                  }
                },
                "services": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "object",
                    "properties": {
                      "port": {"$ref": "common.schema.json#/$defs/port"},
                      "host": {"type": "string"}
                    }
                  }
                },
                "features": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {"debug_ui": {"type": "boolean"}}
                },
                "labels": {"type": "object"}
              }
            }
            """;

    private static final String BASE = """
            kgot:
              reasoning_depth: 3
              debug_mode: false
            services:
              manager_agent:
                host: manager.local
                port: 8080
            features:
              debug_ui: false
            labels:
              team: platform
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void layout() throws IOException {
        write("schemas/common.schema.json", COMMON);
        write("schemas/configuration.schema.json", CONFIGURATION);
        write("global/base.yaml", BASE);
    }

    @Test
    void validConfigurationHasNoViolations() throws IOException {
        write("environments/production.yaml", "services:\n  manager_agent:\n    port: 9090\n");
        assertThat(check(false)).isEmpty();
        assertThat(check(true)).isEmpty();
    }

    @Test
    void portOverRefMaximumPointsAtTheValueInProduction() throws IOException {
        write("environments/production.yaml", "services:\n  manager_agent:\n    port: 70000\n");

        List<Violation> violations = check(false);

        assertThat(violations).hasSize(1);
        Violation v = violations.get(0);
        assertThat(v.path()).isEqualTo(ConfigPath.parse("services.manager_agent.port"));
        assertThat(v.origin()).isEqualTo(Origin.of("environments/production.yaml", 3, 11));
        assertThat(v.message()).startsWith("services.manager_agent.port: must be at most 65535 (found 70000)")
                .contains("[common.schema.json#/$defs/port/maximum]");
    }

    @Test
    void missingRequiredPropertyPointsAtItsParentKey() throws IOException {
        write("global/base.yaml", BASE.replace("  reasoning_depth: 3\n", ""));
        write("environments/production.yaml", "services:\n  manager_agent:\n    port: 9090\n");

        List<Violation> violations = check(false);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(ConfigPath.parse("kgot.reasoning_depth"));
            assertThat(v.origin()).isEqualTo(Origin.of("global/base.yaml", 1, 1));
            assertThat(v.message()).startsWith("kgot: required property 'reasoning_depth' is missing")
                    .contains("[configuration.schema.json#/properties/kgot/required]");
        });
    }

    @Test
    void requiredPropertyDeletedByAnOverrideIsReported() throws IOException {
        write("environments/production.yaml", "kgot:\n  reasoning_depth: null\n");

        assertThat(check(false)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(ConfigPath.parse("kgot.reasoning_depth"));
            assertThat(v.origin().isKnown()).isTrue();
            assertThat(v.message()).contains("required property 'reasoning_depth' is missing");
        });
    }

    @Test
    void typeMismatchNamesExpectedAndFoundTypes() throws IOException {
        write("environments/production.yaml", "kgot:\n  debug_mode: \"yes\"\n");

        assertThat(check(false)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(ConfigPath.parse("kgot.debug_mode"));
            assertThat(v.origin()).isEqualTo(Origin.of("environments/production.yaml", 2, 15));
            assertThat(v.message()).startsWith("kgot.debug_mode: must be a boolean, not a string (found \"yes\")")
                    .contains("[configuration.schema.json#/properties/kgot/properties/debug_mode/type]");
        });
    }

    @Test
    void propertyTheSchemaForbidsPointsAtTheExtraKey() throws IOException {
        write("environments/production.yaml", "features:\n  debug_uii: true\n");

        assertThat(check(false)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(ConfigPath.parse("features.debug_uii"));
            assertThat(v.origin()).isEqualTo(Origin.of("environments/production.yaml", 2, 3));
            assertThat(v.message()).startsWith("features.debug_uii: not allowed by the schema (additionalProperties)")
                    .contains("[configuration.schema.json#/properties/features/additionalProperties]");
        });
    }

    @Test
    void strictReportsUndeclaredKeysAtTheirKeyOrigin() throws IOException {
        write("environments/production.yaml", "kgot:\n  verbose: true\nlegacy: 1\nfeatures:\n  debug_uii: true\n");

        assertThat(check(false)).extracting(Violation::path)
                .containsExactly(ConfigPath.parse("features.debug_uii"));

        List<Violation> strict = check(true);
        assertThat(strict).extracting(Violation::path).containsExactlyInAnyOrder(
                ConfigPath.parse("features.debug_uii"), ConfigPath.parse("kgot.verbose"), ConfigPath.parse("legacy"));
        assertThat(strict).filteredOn(v -> v.path().equals(ConfigPath.parse("kgot.verbose"))).singleElement()
                .satisfies(v -> {
                    assertThat(v.origin()).isEqualTo(Origin.of("environments/production.yaml", 2, 3));
                    assertThat(v.message()).isEqualTo("kgot.verbose: unknown key, no schema declares it (strict)");
                });
        assertThat(strict).filteredOn(v -> v.path().equals(ConfigPath.parse("legacy"))).singleElement()
                .extracting(Violation::origin).isEqualTo(Origin.of("environments/production.yaml", 3, 1));
    }

    @Test
    void strictFollowsRefsAndLeavesFreeFormObjectsAlone() throws IOException {
        write("schemas/configuration.schema.json", CONFIGURATION.replace(
                "\"port\": {\"$ref\": \"common.schema.json#/$defs/port\"},",
                "\"port\": {\"$ref\": \"common.schema.json#/$defs/port\"}, \"tls\": {\"$ref\": \"common.schema.json#/$defs/tls\"},"));
        write("schemas/common.schema.json", COMMON.replace("\"port\":",
                "\"tls\": {\"type\": \"object\", \"properties\": {\"enabled\": {\"type\": \"boolean\"}}},\n    \"port\":"));
        write("environments/production.yaml",
                "services:\n  manager_agent:\n    tls:\n      enabled: true\n      cert: x\nlabels:\n  anything: goes\n");

        assertThat(check(true)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(ConfigPath.parse("services.manager_agent.tls.cert"));
            assertThat(v.origin()).isEqualTo(Origin.of("environments/production.yaml", 5, 7));
        });
    }

    @Test
    void refByFileNameWorksWhenTheReferringSchemaHasAnId() throws IOException {
        write("schemas/configuration.schema.json", CONFIGURATION.replace("\"type\": \"object\",\n  \"required\"",
                "\"$id\": \"https://example.com/schemas/configuration.json\",\n  \"type\": \"object\",\n  \"required\""));
        write("environments/production.yaml", "services:\n  manager_agent:\n    port: 0\n");

        assertThat(check(false)).singleElement().satisfies(v -> {
            assertThat(v.origin()).isEqualTo(Origin.of("environments/production.yaml", 3, 11));
            assertThat(v.message()).startsWith("services.manager_agent.port: must be at least 1 (found 0)")
                    .contains("[common.schema.json#/$defs/port/minimum]");
        });
    }

    @Test
    void yamlSchemaDocumentsWork() throws IOException {
        Files.delete(dir.resolve("schemas/common.schema.json"));
        write("schemas/common.schema.yaml", "$defs:\n  port:\n    type: integer\n    maximum: 65535\n");
        write("schemas/configuration.schema.json", CONFIGURATION.replace("common.schema.json", "common.schema.yaml"));
        write("environments/production.yaml", "services:\n  manager_agent:\n    port: 70000\n");

        assertThat(check(false)).singleElement().extracting(Violation::message).asString()
                .contains("must be at most 65535").contains("[common.schema.yaml#/$defs/port/maximum]");
    }

    @Test
    void unparseableSchemaIsBadInputNamingTheFile() throws IOException {
        write("schemas/broken.schema.json", "{\"type\": ");

        assertThatThrownBy(() -> rule(false)).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.getMessage()).contains("schemas/broken.schema.json");
        });
    }

    @Test
    void invalidSchemaIsBadInputNamingTheFile() throws IOException {
        write("schemas/broken.schema.json", "{\"type\": 5, \"properties\": []}");

        assertThatThrownBy(() -> rule(false)).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.getMessage()).contains("schemas/broken.schema.json").contains("not a valid JSON Schema");
        });
    }

    @Test
    void refToAMissingDocumentIsBadInputNamingTheRefItsLineAndWhereToPutTheDocument() throws IOException {
        write("schemas/configuration.schema.json", CONFIGURATION.replace("common.schema.json", "nowhere.schema.json"));

        assertThatThrownBy(() -> rule(false)).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
            assertThat(e.origin()).isEqualTo(Origin.of("schemas/configuration.schema.json", 19, 28));
            assertThat(e.problem()).startsWith("$ref \"nowhere.schema.json#/$defs/port\""
                    + " cannot be resolved").contains("file:///schemas/nowhere.schema.json")
                    .contains("never fetches a schema from the network").doesNotContain("FileNotFoundException");
            assertThat(e.hint()).startsWith("put the schema whose \"$id\" is").contains("in schemas/");
        });
    }

    @Test
    void refToAnUnreachableUrlIsBadInputAndNothingIsFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/common.json";
            write("schemas/configuration.schema.json", CONFIGURATION.replace("common.schema.json", url));

            assertThatThrownBy(() -> rule(false)).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                assertThat(e.problem()).contains("$ref \"" + url + "#/$defs/port\"").contains("the $id " + url);
            });
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aDocumentInSchemasIsFoundByItsIdWhateverItsFileName() throws IOException {
        write("schemas/common.schema.json", """
                {"$id": "https://schemas.example.com/defs/ports",
                 "$defs": {"port": {"type": "integer", "minimum": 1, "maximum": 65535}}}
                """);
        write("schemas/configuration.schema.json",
                CONFIGURATION.replace("common.schema.json", "https://schemas.example.com/defs/ports"));
        write("environments/production.yaml", "services:\n  manager_agent:\n    port: 70000\n");

        assertThat(check(false)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("must be at most 65535"));
    }

    @Test
    void formatsAreAssertedUnlessTheSettingsSayAnnotate() throws IOException {
        write("schemas/contact.schema.json", """
                {"properties": {"labels": {"properties": {"owner": {"format": "email"}}}}}
                """);
        write("environments/production.yaml", "labels:\n  owner: platform-team\n");

        assertThat(validatorFindings()).singleElement().satisfies(f -> {
            assertThat(f.origin()).isEqualTo(Origin.of("environments/production.yaml", 2, 10));
            assertThat(f.message()).startsWith("labels.owner: must be a valid email (found \"platform-team\")");
        });
        write("config-cicd.yaml", "validation:\n  formats: annotate\n");
        assertThat(validatorFindings()).isEmpty();
        write("config-cicd.yaml", "validation:\n  formats: sometimes\n");
        assertThatThrownBy(this::validatorFindings).isInstanceOfSatisfying(ConfigCicdException.class,
                e -> assertThat(e.getMessage()).contains("formats").contains("assert or annotate"));
    }

    private List<io.configcicd.core.validate.Finding> validatorFindings() {
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            return manager.validator().validate(List.of("production"), java.time.LocalDate.now()).findings().stream()
                    .filter(f -> f.ruleId().equals(JsonSchemaRule.ID)).toList();
        }
    }

    @Test
    void ruleIdAndSeverity() {
        JsonSchemaRule rule = rule(false);
        assertThat(rule.id()).isEqualTo("schema");
        assertThat(rule.defaultSeverity()).isEqualTo(Severity.ERROR);
        assertThat(rule.schemaFiles()).containsExactly("schemas/common.schema.json", "schemas/configuration.schema.json");
    }

    private List<Violation> check(boolean strict) {
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            ConfigMap effective = manager.getMergedConfiguration("production").root();
            return new JsonSchemaRule(ConfigDirectory.open(dir, Codecs.standard(), Runnable::run), strict)
                    .check(new RuleContext("production", effective, true, Map.of("production", effective)));
        }
    }

    private JsonSchemaRule rule(boolean strict) {
        try (ConfigurationManager manager = ConfigurationManager.open(dir)) {
            return new JsonSchemaRule(ConfigDirectory.open(dir, Codecs.standard(), Runnable::run), strict);
        }
    }

    private void write(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
