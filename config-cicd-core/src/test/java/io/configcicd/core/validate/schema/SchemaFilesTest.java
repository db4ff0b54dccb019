package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaFilesTest {

    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["name", "server"],
              "properties": {
                "name": {"type": "string"},
                "server": {
                  "type": "object",
                  "properties": {
                    "port": {"type": "integer", "minimum": 1, "maximum": 65535},
                    "hosts": {"type": "array", "items": {"type": "string"}}
                  }
                },
                "database": {
                  "type": "object",
                  "properties": {"password": {"type": "string", "pattern": "^\\\\$\\\\{[A-Z_]+}$"}}
                }
              }
            }
            """;

    private static final String VALID_YAML = """
            name: orders
            server:
              port: 8080
              hosts: [a.local, b.local]
            """;

    /** A directory under the module's target/, named relatively, so origins can be checked to stay relative. */
    private Path dir;

    @BeforeEach
    void createDirectory() throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target"), "schema-files-");
        assertThat(dir.isAbsolute()).isFalse();
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private String name(String file) {
        return dir.toString().replace('\\', '/') + "/" + file;
    }

    private ValidationResult validate(Path... files) throws IOException {
        return SchemaFiles.validate(write("schema.json", SCHEMA), List.of(files), LoadLimits.DEFAULT);
    }

    @Test
    void validYamlJsonAndTomlFilesGiveNoFindings() throws IOException {
        ValidationResult result = validate(
                write("a.yaml", VALID_YAML),
                write("b.json", "{\"name\": \"billing\", \"server\": {\"port\": 9090}}"),
                write("c.toml", "name = \"search\"\n[server]\nport = 7070\nhosts = [\"x\"]\n"));

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aWrongTypeInYamlPointsAtTheValuesFileLineAndColumn() throws IOException {
        ValidationResult result = validate(write("svc/a.yaml", """
                name: orders
                server:
                  port: eighty
                """));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("schema");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.environment()).isEqualTo("files");
            assertThat(f.path()).isEqualTo(ConfigPath.ofKeys("server", "port"));
            assertThat(f.origin()).isEqualTo(Origin.of(name("svc/a.yaml"), 3, 9));
            assertThat(f.message()).contains("must be an integer").contains("\"eighty\"");
        });
    }

    @Test
    void aWrongTypeInJsonPointsAtTheValue() throws IOException {
        ValidationResult result = validate(write("b.json", """
                {
                  "name": "billing",
                  "server": {"port": 9090, "hosts": ["a", 7]}
                }
                """));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(ConfigPath.ofKeys("server", "hosts").child(1));
            assertThat(f.origin()).isEqualTo(Origin.of(name("b.json"), 3, 43));
            assertThat(f.message()).contains("must be a string");
        });
    }

    @Test
    void aRangeViolationInTomlPointsAtTheValue() throws IOException {
        ValidationResult result = validate(write("c.toml", """
                name = "search"

                [server]
                port = 70000
                """));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.origin()).isEqualTo(Origin.of(name("c.toml"), 4, 8));
            assertThat(f.message()).contains("must be at most 65535").contains("70000");
        });
    }

    @Test
    void aMissingRequiredPropertyIsReportedAtTheTopOfTheFile() throws IOException {
        ValidationResult result = validate(write("a.yaml", "name: orders\n"));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(ConfigPath.ofKeys("server"));
            assertThat(f.origin().file()).isEqualTo(name("a.yaml"));
            assertThat(f.message()).contains("required property 'server' is missing");
        });
    }

    @Test
    void anUnparseableFileIsAFindingAtItsLineAndTheOtherFilesAreStillChecked() throws IOException {
        ValidationResult result = validate(
                write("a-broken.yaml", "name: orders\nserver:\n  port: [1, 2\n  hosts: x\n"),
                write("b-wrong.yaml", "name: billing\nserver:\n  port: \"80\"\n"),
                write("c-good.json", "{\"name\": \"x\", \"server\": {}}"));

        assertThat(result.findings()).hasSize(2);
        Finding parse = result.forRule("parse").get(0);
        assertThat(parse.severity()).isEqualTo(Severity.ERROR);
        assertThat(parse.environment()).isEqualTo("files");
        assertThat(parse.origin().file()).isEqualTo(name("a-broken.yaml"));
        assertThat(parse.origin().line()).isBetween(3, 5);
        Finding schema = result.forRule("schema").get(0);
        assertThat(schema.origin()).isEqualTo(Origin.of(name("b-wrong.yaml"), 3, 9));
        assertThat(result.failed()).isTrue();
    }

    @Test
    void anInvalidJsonFileIsAFindingAtTheLineOfTheError() throws IOException {
        ValidationResult result = validate(write("b.json", "{\n  \"name\": \"x\",\n  \"server\": {,}\n}\n"));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("parse");
            assertThat(f.origin().file()).isEqualTo(name("b.json"));
            assertThat(f.origin().line()).isEqualTo(3);
        });
    }

    @Test
    void anUnknownExtensionIsAFindingAndTheOtherFilesAreStillChecked() throws IOException {
        ValidationResult result = validate(write("notes.txt", "hello"), write("ok.yaml", VALID_YAML));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("parse");
            assertThat(f.origin().file()).isEqualTo(name("notes.txt"));
        });
    }

    @Test
    void missingFilesAreBadInputNamingEveryOneOfThem() throws IOException {
        Path ok = write("ok.yaml", VALID_YAML);

        assertThatThrownBy(() -> validate(dir.resolve("absent.yaml"), ok, dir.resolve("gone.json")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).isEqualTo("2 files not found: " + name("absent.yaml") + ", " + name("gone.json"));
                    assertThat(e.hint()).contains("check the paths");
                });
    }

    @Test
    void aMissingFileAmongManyIsBadInputToo() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(write("many-" + i + ".yaml", VALID_YAML));
        }
        files.add(dir.resolve("absent.yaml"));

        assertThatThrownBy(() -> SchemaFiles.validate(write("schema.json", SCHEMA), files, LoadLimits.DEFAULT))
                .isInstanceOfSatisfying(ConfigCicdException.class,
                        e -> assertThat(e.problem()).isEqualTo("file not found: " + name("absent.yaml")));
    }

    @Test
    void aMissingSchemaIsBadInputNamingIt() {
        Path schema = dir.resolve("nope.schema.json");

        assertThatThrownBy(() -> SchemaFiles.validate(schema, List.of(), LoadLimits.DEFAULT))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.problem()).contains(name("nope.schema.json")).contains("does not exist");
                    assertThat(e.hint()).isNotEmpty();
                });
    }

    @Test
    void aSchemaThatIsNotValidJsonSchemaIsBadInputNamingIt() throws IOException {
        Path schema = write("bad.schema.json", "{\"type\": 12}");

        assertThatThrownBy(() -> SchemaFiles.validate(schema, List.of(write("a.yaml", VALID_YAML)), LoadLimits.DEFAULT))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains(name("bad.schema.json")).contains("not a valid JSON Schema");
                });
    }

    @Test
    void aSchemaThatIsNotJsonIsBadInputWithItsLine() throws IOException {
        Path schema = write("broken.schema.json", "{\n  \"type\": \"object\",\n  oops\n}\n");

        assertThatThrownBy(() -> SchemaFiles.validate(schema, List.of(), LoadLimits.DEFAULT))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.origin().file()).isEqualTo(name("broken.schema.json"));
                    assertThat(e.origin().line()).isEqualTo(3);
                });
    }

    @Test
    void aSecretValueViolatingAPatternNeverAppearsInTheMessage() throws IOException {
        ValidationResult result = validate(write("a.yaml", """
                name: orders
                server: {}
                database:
                  password: hunter2-Sup3rSecret
                """));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.origin()).isEqualTo(Origin.of(name("a.yaml"), 4, 13));
            assertThat(f.message()).contains("must match the pattern").contains("******")
                    .doesNotContain("hunter2").doesNotContain("Sup3rSecret");
            assertThat(f.toString()).doesNotContain("hunter2");
        });
    }

    @Test
    void aRefToASchemaFileBesideTheSchemaIsFoundWithoutBeingListed() throws IOException {
        write("schemas/common.json", """
                {"$defs": {"port": {"type": "integer", "maximum": 65535}}}
                """);
        Path schema = write("schemas/service.json", """
                {"type": "object", "properties": {"port": {"$ref": "common.json#/$defs/port"}}}
                """);

        ValidationResult result = SchemaFiles.validate(schema,
                List.of(write("ok.yaml", "port: 80\n"), write("bad.yaml", "port: 99999\n")), LoadLimits.DEFAULT);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.origin()).isEqualTo(Origin.of(name("bad.yaml"), 1, 7));
            assertThat(f.message()).contains("must be at most 65535").contains("common.json#/$defs/port/maximum");
        });
    }

    @Test
    void aRefByIdToAReferencedSchemaGivenExplicitlyIsResolved() throws IOException {
        Path common = write("elsewhere/defs.json", """
                {"$id": "https://example.com/defs.json", "$defs": {"name": {"type": "string", "minLength": 3}}}
                """);
        Path schema = write("main.json", """
                {"$id": "https://example.com/main.json", "type": "object",
                 "properties": {"name": {"$ref": "https://example.com/defs.json#/$defs/name"}}}
                """);

        ValidationResult result = SchemaFiles.validate(schema, List.of(common), List.of(write("a.yaml", "name: ab\n")),
                LoadLimits.DEFAULT);

        assertThat(result.findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("at least 3 characters"));
    }

    @Test
    void aRefToAMissingFileIsBadInputNotAFindingPerFile() throws IOException {
        Path schema = write("main.json", """
                {"type": "object", "properties": {"port": {"$ref": "absent.json#/$defs/port"}}}
                """);

        assertThatThrownBy(() -> SchemaFiles.validate(schema, List.of(write("a.yaml", "port: 1\n")), LoadLimits.DEFAULT))
                .isInstanceOfSatisfying(ConfigCicdException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT));
    }

    @Test
    void aYamlSchemaIsAccepted() throws IOException {
        Path schema = write("schema.yaml", """
                type: object
                properties:
                  replicas: {type: integer}
                """);

        ValidationResult result = SchemaFiles.validate(schema, List.of(write("a.yaml", "replicas: many\n")),
                LoadLimits.DEFAULT);

        assertThat(result.findings()).singleElement()
                .satisfies(f -> assertThat(f.origin()).isEqualTo(Origin.of(name("a.yaml"), 1, 11)));
    }

    @Test
    void aTopLevelListOrScalarIsValidatedAsItIs() throws IOException {
        Path schema = write("list.schema.json", "{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}");

        ValidationResult result = SchemaFiles.validate(schema,
                List.of(write("ok.yaml", "- 1\n- 2\n"), write("bad.yaml", "- 1\n- two\n"), write("scalar.json", "\"x\"")),
                LoadLimits.DEFAULT);

        assertThat(result.findings()).hasSize(2);
        assertThat(result.findings().get(0).origin()).isEqualTo(Origin.of(name("bad.yaml"), 2, 3));
        assertThat(result.findings().get(0).path()).isEqualTo(ConfigPath.root().child(1));
        assertThat(result.findings().get(1).origin().file()).isEqualTo(name("scalar.json"));
        assertThat(result.findings().get(1).message()).contains("must be a list");
    }

    @Test
    void loadLimitsApplyToEveryFile() throws IOException {
        ValidationResult result = SchemaFiles.validate(write("schema.json", SCHEMA),
                List.of(write("a.yaml", VALID_YAML)), LoadLimits.DEFAULT.withMaxDocumentBytes(10));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("parse");
            assertThat(f.message()).contains("larger than the limit");
        });
    }

    @Test
    void manyFilesAreCheckedInParallelWithOneFindingEach() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            files.add(write("many/f" + i + ".yaml", "name: s" + i + "\nserver:\n  port: " + (i % 2 == 0 ? "0" : "\"x\"") + "\n"));
        }

        ValidationResult result = SchemaFiles.compile(write("schema.json", SCHEMA), List.of())
                .validate(files, LoadLimits.DEFAULT);

        assertThat(result.findings()).hasSize(300);
        assertThat(result.findings()).extracting(f -> f.origin().file()).doesNotHaveDuplicates();
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.origin().line()).isEqualTo(3));
    }

    @Test
    void manyFilesGiveTheSameFindingsWhileTheSchemaCompilesBesideTheirParsing() throws IOException {
        Path schema = write("schema.json", SCHEMA);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String body = switch (i % 4) {
                case 0 -> VALID_YAML;
                case 1 -> "name: s" + i + "\nserver:\n  port: " + (70000 + i) + "\n";
                case 2 -> "name: [unclosed\n";
                default -> "server: {}\n";
            };
            files.add(write("many/f" + i + ".yaml", body));
        }

        ValidationResult overlapped = SchemaFiles.validate(schema, files, LoadLimits.DEFAULT);
        ValidationResult oneByOne = SchemaFiles.compile(schema, List.of()).validate(files, LoadLimits.DEFAULT);

        assertThat(overlapped.findings()).hasSize(45).containsExactlyElementsOf(oneByOne.findings());
        assertThat(overlapped.forRule("parse")).hasSize(15);
    }

    @Test
    void aSchemaThatIsNotValidJsonSchemaIsBadInputWhateverManyFilesAreGiven() throws IOException {
        Path schema = write("bad.schema.json", "{\"type\": 12}");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            files.add(write("many/f" + i + ".yaml", i % 2 == 0 ? VALID_YAML : "name: [unclosed\n"));
        }
        files.add(dir.resolve("absent.yaml"));

        assertThatThrownBy(() -> SchemaFiles.validate(schema, files, LoadLimits.DEFAULT))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains(name("bad.schema.json")).contains("not a valid JSON Schema");
                });
    }

    /** An executor of the test's: a daemon thread per task, counted. */
    private static java.util.concurrent.Executor threads(List<String> ran) {
        return task -> {
            ran.add("task");
            Thread t = new Thread(task, "test-schema-compiler");
            t.setDaemon(true);
            t.start();
        };
    }

    @Test
    void withAnExecutorOfTheCallersTheSchemaCompilesThereWhileTheFilesAreParsedWithTheSameFindings() throws IOException {
        Path schema = write("schema.json", SCHEMA);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            files.add(write("many/f" + i + ".yaml", i % 2 == 0 ? VALID_YAML : "name: s\nserver:\n  port: 70000\n"));
        }
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();

        ValidationResult overlapped = SchemaFiles.check(schema, List.of(), files, SchemaFilesSettings.DEFAULT,
                java.util.Map.of(), threads(ran)).result();
        ValidationResult oneByOne = SchemaFiles.compile(schema, List.of()).validate(files, LoadLimits.DEFAULT);

        assertThat(ran).containsExactly("task");
        assertThat(overlapped.findings()).hasSize(20).containsExactlyElementsOf(oneByOne.findings());
    }

    @Test
    void aSchemaThatDoesNotCompileOnTheCallersExecutorIsStillBadInputNamingIt() throws IOException {
        Path schema = write("bad.schema.json", "{\"type\": 12}");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            files.add(write("many/f" + i + ".yaml", VALID_YAML));
        }

        assertThatThrownBy(() -> SchemaFiles.check(schema, List.of(), files, SchemaFilesSettings.DEFAULT,
                java.util.Map.of(), threads(new ArrayList<>())))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains(name("bad.schema.json")).contains("not a valid JSON Schema");
                });
    }
}
