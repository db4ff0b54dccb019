package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.history.ConfigBackup;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WriteServiceTest {

    private static final String OLD_SECRET = "old-s3cret-Kp2w";
    private static final String NEW_SECRET = "new-s3cret-Qz7r";

    @TempDir
    Path dir;

    private final WriteService service = new WriteService();

    @BeforeEach
    void configuration() throws Exception {
        Files.createDirectories(dir.resolve("global"));
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("global/base.yaml"), "service:\n  port: 8080\n  debug: false\n");
        Files.writeString(dir.resolve("environments/development.yaml"),
                "# development\ndb:\n  password: " + OLD_SECRET + "   # kept\n");
        Files.writeString(dir.resolve("environments/production.yaml"), "# production\nservice:\n  port: 443\n");
        Files.writeString(dir.resolve("config-cicd.yaml"), """
                environments: {production: {protected: true}}
                access:
                  roles:
                    developer: {permissions: [read, write], environments: [development]}
                  bindings:
                    dave: [developer]
                """);
    }

    private Workspace as(String user, EventSink events) {
        return Workspace.open(dir, Map.of("CONFIG_CICD_USER", user), Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"),
                ZoneOffset.UTC), events);
    }

    private List<JsonNode> auditLines() throws Exception {
        return Files.readAllLines(dir.resolve(".config-cicd/audit/audit.jsonl")).stream()
                .map(l -> JsonMapper.shared().readTree(l)).toList();
    }

    @Test
    void setWritesInPlaceAndReturnsTheMaskedValueThePreviousOneAndTheBackup() throws Exception {
        SetOutcome o;
        try (Workspace ws = as("dave", EventSink.NONE)) {
            o = service.set(ws, SetRequest.of(Scope.GLOBAL, "development", ConfigPath.parse("db.password"), NEW_SECRET)
                    .withValidation(false));
        }

        assertThat(o.file()).isEqualTo("environments/development.yaml");
        assertThat(o.value().toPlain()).isEqualTo(SecretMasker.MASK);
        assertThat(o.previous()).hasValueSatisfying(p -> assertThat(p.toPlain()).isEqualTo(SecretMasker.MASK));
        assertThat(o.backup()).isNotEmpty();
        assertThat(Files.readString(dir.resolve("environments/development.yaml")))
                .isEqualTo("# development\ndb:\n  password: " + NEW_SECRET + "   # kept\n");
    }

    @Test
    void setAuditsItsStartAndOutcomeWithMaskedOldAndNewValuesAndTheBackup() throws Exception {
        SetOutcome o;
        try (Workspace ws = as("dave", EventSink.NONE)) {
            o = service.set(ws, SetRequest.of(Scope.GLOBAL, "development", ConfigPath.parse("db.password"), NEW_SECRET)
                    .withValidation(false));
        }

        List<JsonNode> lines = auditLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("command").asString()).isEqualTo("set");
        assertThat(lines.get(0).get("result").asString()).isEqualTo("started");
        assertThat(lines.get(0).get("new").asString()).isEqualTo(SecretMasker.MASK);
        JsonNode done = lines.get(1);
        assertThat(done.get("principal").asString()).isEqualTo("dave");
        assertThat(done.get("scope").asString()).isEqualTo("global");
        assertThat(done.get("name").asString()).isEqualTo("development");
        assertThat(done.get("path").asString()).isEqualTo("db.password");
        assertThat(done.get("old").asString()).isEqualTo(SecretMasker.MASK);
        assertThat(done.get("new").asString()).isEqualTo(SecretMasker.MASK);
        assertThat(done.get("result").asString()).isEqualTo("ok");
        assertThat(done.get("details").get("backup").asString()).isEqualTo(o.backup());
        assertThat(Files.readString(dir.resolve(".config-cicd/audit/audit.jsonl")))
                .doesNotContain(OLD_SECRET).doesNotContain(NEW_SECRET);
    }

    @Test
    void setAuditsPlainValuesAsTheyReadBackOnTheCommandLine() throws Exception {
        try (Workspace ws = as("dave", EventSink.NONE)) {
            service.set(ws, SetRequest.of(Scope.ENVIRONMENT, "development", ConfigPath.parse("service.port"), "\"9090\""));
        }

        JsonNode done = auditLines().get(1);
        assertThat(done.get("scope").asString()).isEqualTo("environment");
        assertThat(done.get("old").asString()).isEqualTo("8080");
        assertThat(done.get("new").asString()).isEqualTo("\"9090\"");
    }

    @Test
    void setReportsTheBackupAndTheFileItWroteAsEvents() {
        EventSink.Recording events = EventSink.recording();
        SetOutcome o;
        try (Workspace ws = as("dave", events)) {
            o = service.set(ws, SetRequest.of(Scope.GLOBAL, "development", ConfigPath.parse("service.port"), "9090"));
        }

        assertThat(events.events()).hasSize(2);
        assertThat(events.events().get(0)).isInstanceOfSatisfying(Event.BackupTaken.class, b -> {
            assertThat(b.id()).isEqualTo(o.backup());
            assertThat(b.operation()).isEqualTo("set");
            assertThat(b.time()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        });
        assertThat(events.events().get(1)).isEqualTo(new Event.FileWritten(Instant.parse("2026-01-02T03:04:05Z"), "set",
                "environments/development.yaml"));
    }

    @Test
    void aDeniedSetIsAuditedThrowsAndWritesNothingNotEvenABadValueIsRead() throws Exception {
        String before = Files.readString(dir.resolve("environments/production.yaml"));
        try (Workspace ws = as("dave", EventSink.NONE)) {
            assertThatThrownBy(() -> service.set(ws, SetRequest.of(Scope.GLOBAL, "production",
                    ConfigPath.parse("service.port"), "   ")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("write").hasMessageContaining("production");
        }

        List<JsonNode> lines = auditLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("command").asString()).isEqualTo("set");
        assertThat(lines.get(0).get("result").asString()).isEqualTo("denied: write");
        assertThat(Files.readString(dir.resolve("environments/production.yaml"))).isEqualTo(before);
        assertThat(dir.resolve(".config-cicd/backups")).doesNotExist();
    }

    @Test
    void aValueThatIsNotAValueIsBadInputAtValueAndNothingIsAudited() {
        try (Workspace ws = as("dave", EventSink.NONE)) {
            assertThatThrownBy(() -> service.set(ws, SetRequest.of(Scope.GLOBAL, "development",
                    ConfigPath.parse("service.port"), "blue # note")))
                    .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                        assertThat(e.origin().file()).isEqualTo(ValueParser.SOURCE);
                    });
        }
        assertThat(dir.resolve(".config-cicd/audit/audit.jsonl")).doesNotExist();
    }

    @Test
    void aChangeThatIntroducesAFindingIsRefusedAuditedAsFailedAndLeavesNoBackup() throws Exception {
        Files.writeString(dir.resolve("config-cicd.yaml"), Files.readString(dir.resolve("config-cicd.yaml"))
                .replace("environments: [development]", "environments: [\"*\"]"));
        String before = Files.readString(dir.resolve("environments/production.yaml"));
        try (Workspace ws = as("dave", EventSink.NONE)) {
            assertThatThrownBy(() -> service.set(ws, SetRequest.of(Scope.GLOBAL, "production",
                    ConfigPath.parse("service.debug"), "true")))
                    .isInstanceOfSatisfying(ConfigCicdException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.FINDINGS));
        }

        assertThat(Files.readString(dir.resolve("environments/production.yaml"))).isEqualTo(before);
        JsonNode failed = auditLines().get(1);
        assertThat(failed.get("result").asString()).startsWith("failed: ");
        assertThat(new ConfigBackup().list(dir, Scope.GLOBAL, "production")).isEmpty();
    }
}
