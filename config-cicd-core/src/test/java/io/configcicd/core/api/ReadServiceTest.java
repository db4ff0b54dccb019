package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.AccessDeniedException;
import io.configcicd.core.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadServiceTest {

    private static final String SECRET = "s3cret-Vx81qT";

    @TempDir
    Path tmp;

    private Path dir;
    private final ReadService service = new ReadService();

    @BeforeEach
    void configuration() throws Exception {
        GitRepo repo = GitRepo.init(tmp);
        repo.write("configuration/global/base.yaml", """
                # base
                db:
                  url: https://db.internal
                  password: "${DB_PASSWORD}"
                service:
                  port: 8080
                """);
        repo.write("configuration/environments/development.yaml", "db:\n  password: " + SECRET + "\n");
        repo.write("configuration/environments/production.yaml", "# production\nservice:\n  port: 443\n");
        repo.write("configuration/environments/bad name.yaml", "x: 1\n");
        repo.write("configuration/config-cicd.yaml", """
                environments: {staging: {}}
                access:
                  roles:
                    developer: {permissions: [read, reveal], environments: [development]}
                    operator: {permissions: [read, reveal], environments: ["*"]}
                  bindings:
                    dave: [developer]
                    carol: [operator]
                """);
        dir = tmp.resolve("configuration");
    }

    private Workspace as(String user, Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(more);
        env.put("CONFIG_CICD_USER", user);
        return Workspace.open(dir, env);
    }

    private List<JsonNode> auditLines() throws Exception {
        return Files.readAllLines(dir.resolve(".config-cicd/audit/audit.jsonl")).stream()
                .map(l -> JsonMapper.shared().readTree(l)).toList();
    }

    @Test
    void getReturnsTheEffectiveValueWithItsSecretsMaskedAndWritesNoAuditLine() {
        try (Workspace ws = as("dave", Map.of())) {
            GetOutcome o = service.get(ws, GetRequest.of(Scope.GLOBAL, "development").withPath(ConfigPath.parse("db")));

            assertThat(o.revealed()).isFalse();
            assertThat(o.path()).isEqualTo(ConfigPath.parse("db"));
            assertThat(o.value().toPlain()).isEqualTo(Map.of("url", "https://db.internal", "password", SecretMasker.MASK));
        }
        assertThat(dir.resolve(".config-cicd/audit/audit.jsonl")).doesNotExist();
    }

    @Test
    void getWithoutAPathOfScopeEnvironmentIsTheOverrideDocumentAlone() {
        try (Workspace ws = as("carol", Map.of())) {
            GetOutcome o = service.get(ws, GetRequest.of(Scope.ENVIRONMENT, "production"));

            assertThat(o.path().isRoot()).isTrue();
            assertThat(o.value().toPlain()).isEqualTo(Map.of("service", Map.of("port", 443L)));
        }
    }

    @Test
    void getRevealResolvesReferencesAndIsAudited() throws Exception {
        try (Workspace ws = as("carol", Map.of("DB_PASSWORD", "from-the-env"))) {
            GetOutcome o = service.get(ws, GetRequest.of(Scope.GLOBAL, "production")
                    .withPath(ConfigPath.parse("db.password")).withReveal(true));

            assertThat(o.revealed()).isTrue();
            assertThat(((ConfigScalar) o.value()).value()).isEqualTo("from-the-env");
        }
        JsonNode line = auditLines().get(0);
        assertThat(line.get("command").asString()).isEqualTo("get --reveal");
        assertThat(line.get("principal").asString()).isEqualTo("carol");
        assertThat(line.get("scope").asString()).isEqualTo("global");
        assertThat(line.get("name").asString()).isEqualTo("production");
        assertThat(line.get("path").asString()).isEqualTo("db.password");
        assertThat(line.get("result").asString()).isEqualTo("ok");
    }

    @Test
    void aGetWithoutReadOnTheEnvironmentIsDeniedAndAuditedBeforeThePathIsLookedUp() throws Exception {
        try (Workspace ws = as("dave", Map.of())) {
            GetRequest request = GetRequest.of(Scope.GLOBAL, "production").withPath(ConfigPath.parse("no.such.path"))
                    .withReveal(true);

            assertThatThrownBy(() -> service.get(ws, request)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("'dave'").hasMessageContaining("production");
        }
        List<JsonNode> lines = auditLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("command").asString()).isEqualTo("get");
        assertThat(lines.get(0).get("result").asString()).startsWith("denied");
    }

    @Test
    void aRevealOfAnotherEnvironmentsFileIsDeniedOnTheRevealPermissionAndAudited() throws Exception {
        Files.writeString(dir.resolve("config-cicd.yaml"), Files.readString(dir.resolve("config-cicd.yaml"))
                .replace("developer: {permissions: [read, reveal], environments: [development]}",
                        "developer: {permissions: [read], environments: [\"*\"]}"));
        try (Workspace ws = as("dave", Map.of())) {
            assertThatThrownBy(() -> service.get(ws, GetRequest.of(Scope.GLOBAL, "development").withReveal(true)))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("reveal");
        }
        JsonNode line = auditLines().get(0);
        assertThat(line.get("command").asString()).isEqualTo("get --reveal");
        assertThat(line.get("result").asString()).isEqualTo("denied: reveal");
        assertThat(Files.readString(dir.resolve(".config-cicd/audit/audit.jsonl"))).doesNotContain(SECRET);
    }

    @Test
    void aPathThatIsNotSetIsBadInputNamingTheConfigurationAndTheParentToList() {
        try (Workspace ws = as("carol", Map.of())) {
            assertThatThrownBy(() -> service.get(ws, GetRequest.of(Scope.GLOBAL, "production")
                    .withPath(ConfigPath.parse("service.host"))))
                    .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                        assertThat(e.problem()).isEqualTo("'service.host' is not set in global/production");
                        assertThat(e.hint()).isEqualTo("run get with --path service to see the keys that exist");
                    });
        }
    }

    @Test
    void listNamesEveryEnvironmentWithItsFilesAndNotesTheFilesThatCannotBeUsed() {
        try (Workspace ws = as("dave", Map.of())) {
            ListOutcome global = service.list(ws, ListRequest.of(Scope.GLOBAL));
            ListOutcome overrides = service.list(ws, ListRequest.of(Scope.ENVIRONMENT));

            assertThat(global.names()).containsExactly("development", "production", "staging");
            assertThat(global.entries().get(1).files())
                    .containsExactly("global/base.yaml", "environments/production.yaml");
            assertThat(global.entries().get(2).files()).containsExactly("global/base.yaml");
            assertThat(overrides.names()).containsExactly("development", "production");
            assertThat(overrides.entries().get(0).files()).containsExactly("environments/development.yaml");
            assertThat(global.notes()).singleElement().asString().startsWith("environments/bad name.yaml: ");
        }
    }

    @Test
    void listIsDeniedToAPrincipalWithoutARoleAndTheDenialIsAudited() throws Exception {
        try (Workspace ws = as("mallory", Map.of())) {
            assertThatThrownBy(() -> service.list(ws, ListRequest.of(Scope.GLOBAL)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        JsonNode line = auditLines().get(0);
        assertThat(line.get("command").asString()).isEqualTo("list");
        assertThat(line.get("principal").asString()).isEqualTo("mallory");
        assertThat(line.get("result").asString()).isEqualTo("denied: read");
    }

    @Test
    void explainNamesOriginsRelativeToTheRepositoryRootAndMasksOverriddenSecrets() {
        try (Workspace ws = as("carol", Map.of())) {
            ExplainOutcome port = service.explain(ws, ExplainRequest.of("production", ConfigPath.parse("service.port")));
            ExplainOutcome password = service.explain(ws, ExplainRequest.of("development", ConfigPath.parse("db.password")));

            assertThat(port.value().toPlain()).isEqualTo(443L);
            assertThat(port.setAt().toString()).isEqualTo("configuration/environments/production.yaml:3:9");
            assertThat(port.overridden()).singleElement().satisfies(o -> {
                assertThat(o.value().toPlain()).isEqualTo(8080L);
                assertThat(o.origin().toString()).isEqualTo("configuration/global/base.yaml:6:9");
            });
            assertThat(password.value().toPlain()).isEqualTo(SecretMasker.MASK);
            assertThat(password.overridden()).singleElement()
                    .satisfies(o -> assertThat(o.value().toPlain()).isEqualTo("${DB_PASSWORD}"));
        }
    }

    @Test
    void explainIsCheckedOnTheEnvironmentItExplains() {
        try (Workspace ws = as("dave", Map.of())) {
            assertThatThrownBy(() -> service.explain(ws, ExplainRequest.of("production", ConfigPath.parse("service"))))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("production");
            assertThat(service.explain(ws, ExplainRequest.of("development", ConfigPath.parse("service.port")))
                    .setAt().file()).isEqualTo("configuration/global/base.yaml");
        }
    }
}
