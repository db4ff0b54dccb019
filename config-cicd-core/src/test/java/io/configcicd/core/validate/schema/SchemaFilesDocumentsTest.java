package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.Origin;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.ValidationResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code validate --schema} reads from each file (issue 10 item 17): an empty YAML file is null, not an empty
 * mapping; every document of a multi-document YAML file is validated and named {@code file.yaml[n]}; and how schemas
 * refer to each other offline (item 15): {@code --ref} documents by {@code $id}, a missing one as bad input.
 */
class SchemaFilesDocumentsTest {

    private static final String OBJECT = """
            {"type": "object", "required": ["kind"],
             "properties": {"kind": {"enum": ["Deployment", "Service", "ConfigMap"]},
                            "spec": {"properties": {"replicas": {"type": "integer", "maximum": 5}}}}}
            """;

    @TempDir
    Path dir;

    @Test
    void anEmptyYamlFileIsNullNotAnEmptyMapping() throws IOException {
        ValidationResult result = validate(OBJECT, write("empty.yaml", ""), write("comments.yaml", "# nothing yet\n\n"));

        assertThat(result.findings()).extracting(Finding::message).containsExactly(
                "(top level): must be a mapping, not a null (found null) [schema.json#/type]",
                "(top level): must be a mapping, not a null (found null) [schema.json#/type]");
        assertThat(result.findings()).extracting(Finding::origin)
                .containsExactlyInAnyOrder(Origin.file(name("empty.yaml")), Origin.file(name("comments.yaml")));
    }

    @Test
    void anEmptyMappingIsStillAMappingAndAnEmptyTomlFileAnEmptyTable() throws IOException {
        ValidationResult result = validate("{\"type\": \"object\"}", write("braces.yaml", "{}\n"), write("empty.toml", ""),
                write("marker.yaml", "--- {}\n"));

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void everyDocumentOfAKubernetesManifestIsValidatedAndNamedByItsPosition() throws IOException {
        Path manifest = write("app.yaml", """
                # the app
                ---
                kind: Deployment
                spec:
                  replicas: 3
                ---
                kind: Deployment
                spec:
                  replicas: 9
                ...
                ---
                kind: Secret
                ---
                """);

        ValidationResult result = validate(OBJECT, manifest);

        assertThat(result.findings()).hasSize(2);
        assertThat(result.findings().get(0).origin()).isEqualTo(Origin.of(name("app.yaml"), 9, 13));
        assertThat(result.findings().get(0).message()).startsWith(name("app.yaml") + "[2]: spec.replicas: must be at most 5");
        assertThat(result.findings().get(1).origin()).isEqualTo(Origin.of(name("app.yaml"), 12, 7));
        assertThat(result.findings().get(1).message()).startsWith(name("app.yaml") + "[3]: kind: must be one of");
    }

    @Test
    void aDocumentThatDoesNotParseIsAFindingAndTheOthersAreStillValidated() throws IOException {
        ValidationResult result = validate(OBJECT, write("two.yaml", "kind: [unclosed\n---\nkind: Secret\n"));

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("parse", "schema");
        assertThat(result.findings().get(0).message()).startsWith(name("two.yaml") + "[1]: ");
        assertThat(result.findings().get(1).message()).startsWith(name("two.yaml") + "[2]: kind: ");
        assertThat(result.findings().get(1).origin().line()).isEqualTo(3);
    }

    @Test
    void aSingleDocumentWithMarkersIsNamedAsTheFile() throws IOException {
        ValidationResult result = validate(OBJECT, write("one.yaml", "---\nkind: Secret\n...\n"));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("kind: must be one of");
            assertThat(f.origin()).isEqualTo(Origin.of(name("one.yaml"), 2, 7));
        });
    }

    @Test
    void aRefToADocumentGivenWithRefIsResolvedByItsIdAndNothingElseIsLoaded() throws IOException {
        Path defs = write("elsewhere/kinds.json", """
                {"$id": "https://schemas.example.com/k8s/kinds", "$defs": {"kind": {"enum": ["Deployment"]}}}
                """);
        Path schema = write("schema.json", """
                {"properties": {"kind": {"$ref": "https://schemas.example.com/k8s/kinds#/$defs/kind"}}}
                """);

        ValidationResult result = SchemaFiles.validate(schema, List.of(defs), List.of(write("a.yaml", "kind: Service\n")),
                LoadLimits.DEFAULT);

        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("kind: must be one of [\"Deployment\"]").contains("[kinds.json#/$defs/kind/enum]"));
    }

    @Test
    void aRefToAnUnreachableUrlIsBadInputNamingItAndHowToGiveItAndNothingIsFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/draft2020-12/subSchemas.json";
            Path schema = write("schema.json", "{\n  \"properties\": {\n    \"kind\": {\"$ref\": \"" + url + "#/$defs/k\"}\n  }\n}\n");

            assertThatThrownBy(() -> validate(schema, write("a.yaml", "kind: x\n")))
                    .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                        assertThat(e.origin()).isEqualTo(Origin.of(name("schema.json"), 3, 22));
                        assertThat(e.problem()).isEqualTo("$ref \"" + url + "#/$defs/k\" cannot be "
                                + "resolved: no schema document given has the $id " + url
                                + " (config-cicd never fetches a schema from the network)");
                        assertThat(e.hint()).startsWith("give the schema whose \"$id\" is \"" + url + "\" with --ref FILE");
                    });
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void anUnknownDialectIsBadInputSayingSo() throws IOException {
        Path schema = write("schema.json", "{\"$schema\": \"https://example.com/my-dialect\", \"type\": \"object\"}");

        assertThatThrownBy(() -> validate(schema, write("a.yaml", "kind: x\n")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.problem()).contains("$schema \"https://example.com/my-dialect\" names no JSON Schema draft");
                    assertThat(e.hint()).contains("https://json-schema.org/draft/2020-12/schema");
                });
    }

    @Test
    void settingsFileGivesSecretKeysLimitsAndFormats() throws IOException {
        write("configuration/config-cicd.yaml", """
                secrets:
                  keys: [pin]
                limits: {max_depth: 4}
                validation:
                  formats: annotate
                """);

        SchemaFilesSettings settings = SchemaFilesSettings.of(dir.resolve("configuration"));

        assertThat(settings.secretKeys()).containsExactly("pin");
        assertThat(settings.limits().maxDepth()).isEqualTo(4);
        assertThat(settings.options().assertFormats()).isFalse();
        assertThat(settings.withAssertFormats(java.util.Optional.of(true)).options().assertFormats()).isTrue();
        assertThat(SchemaFilesSettings.of(dir.resolve("nowhere"))).isEqualTo(SchemaFilesSettings.DEFAULT);
    }

    @Test
    void formatsOfTheFilesAreAssertedUnlessTheSettingsSayAnnotate() throws IOException {
        Path schema = write("schema.json", "{\"properties\": {\"owner\": {\"format\": \"email\"}}}");
        List<Path> files = List.of(write("a.yaml", "owner: platform-team\n"));

        assertThat(SchemaFiles.check(schema, List.of(), files, SchemaFilesSettings.DEFAULT, Map.of()).result().findings())
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("owner: must be a valid email"));
        assertThat(SchemaFiles.check(schema, List.of(), files,
                SchemaFilesSettings.DEFAULT.withAssertFormats(java.util.Optional.of(false)), Map.of()).result().findings())
                .isEmpty();
    }

    private ValidationResult validate(String schema, Path... files) throws IOException {
        return validate(write("schema.json", schema), files);
    }

    private ValidationResult validate(Path schema, Path... files) {
        return SchemaFiles.validate(schema, List.of(files), LoadLimits.DEFAULT);
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private String name(String file) {
        return dir.resolve(file).toString().replace('\\', '/');
    }
}
