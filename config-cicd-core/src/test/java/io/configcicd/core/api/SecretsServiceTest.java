package io.configcicd.core.api;

import static io.configcicd.core.api.ServiceFixtures.auditLines;
import static io.configcicd.core.api.ServiceFixtures.auditText;
import static io.configcicd.core.api.ServiceFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.security.access.AccessDeniedException;
import io.configcicd.core.security.crypto.KeyRing;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.security.crypto.SecretKeyMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SecretsServiceTest {

    private static final String DEV_SECRET = "dev-Pa55word-1";
    private static final String PROD_SECRET = "prod-Pa55word-2";

    @TempDir
    Path dir;

    private final SecretKeyMaterial key = SecretKeyMaterial.generate();
    private final SecretKeyMaterial newKey = SecretKeyMaterial.generate();
    private final SecretCipher cipher = new SecretCipher(KeyRing.of(key));
    private final SecretsService service = new SecretsService();
    private String devEnc;
    private String prodEnc;

    @BeforeEach
    void directory() {
        devEnc = cipher.encrypt(DEV_SECRET);
        prodEnc = cipher.encrypt(PROD_SECRET);
        ServiceFixtures.directory(dir, "db:\n  password: " + devEnc + "  # kept\n",
                "db:\n  password: " + prodEnc + "\n");
    }

    private Workspace as(String user) {
        return ServiceFixtures.open(dir, user, Map.of("CONFIG_CICD_KEY", key.toBase64(),
                "CONFIG_CICD_NEW_KEY", newKey.toBase64()), EventSink.NONE);
    }

    @Test
    void encryptSealsTheValueWithTheCurrentKeyAndAuditsTheKeyIdWithoutTheValue() {
        EncryptOutcome outcome;
        try (Workspace ws = as("dave")) {
            outcome = service.encrypt(ws, EncryptRequest.of("brand-New-secret"));
        }
        assertThat(outcome.value()).startsWith("ENC[");
        assertThat(cipher.decrypt(outcome.value())).isEqualTo("brand-New-secret");
        assertThat(outcome.keyId()).isEqualTo(key.keyId());
        JsonNode line = auditLines(dir).get(0);
        assertThat(text(line, "command")).isEqualTo("encrypt");
        assertThat(text(line, "principal")).isEqualTo("dave");
        assertThat(text(line, "result")).isEqualTo("ok: key " + key.keyId());
        assertThat(auditText(dir)).doesNotContain("brand-New-secret").doesNotContain(outcome.value());
    }

    @Test
    void encryptWithoutWritePermissionIsAuditedAsDeniedAndThrows() {
        try (Workspace ws = as("rita")) {
            assertThatThrownBy(() -> service.encrypt(ws, EncryptRequest.of("x")))
                    .isInstanceOf(AccessDeniedException.class);
        }
        List<JsonNode> lines = auditLines(dir);
        assertThat(lines).hasSize(1);
        assertThat(text(lines.get(0), "command")).isEqualTo("encrypt");
        assertThat(text(lines.get(0), "result")).isEqualTo("denied: write");
    }

    @Test
    void encryptOfAnEmptyValueIsBadInputAndWritesNoAuditLine() {
        try (Workspace ws = as("dave")) {
            assertThatThrownBy(() -> service.encrypt(ws, EncryptRequest.of("")))
                    .isInstanceOfSatisfying(ConfigCicdException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                    .hasMessageContaining("--value is empty");
        }
        assertThat(auditLines(dir)).isEmpty();
    }

    @Test
    void encryptUsesTheKeyFileOfTheRequestOverTheEnvironment() throws Exception {
        Path keyFile = dir.resolveSibling(dir.getFileName() + ".key");
        Files.writeString(keyFile, newKey.toBase64());
        try (Workspace ws = as("dave")) {
            assertThat(service.encrypt(ws, EncryptRequest.of("v").withKeyFile(keyFile)).keyId())
                    .isEqualTo(newKey.keyId());
        }
    }

    @Test
    void decryptRevealsAValueOfAnEnvironmentThePrincipalMayRevealAndAuditsItsFiles() {
        DecryptOutcome outcome;
        try (Workspace ws = as("dave")) {
            outcome = service.decrypt(ws, DecryptRequest.of(devEnc));
        }
        assertThat(outcome.value()).isEqualTo(DEV_SECRET);
        assertThat(outcome.revealed()).isTrue();
        assertThat(outcome.toString()).doesNotContain(DEV_SECRET);
        JsonNode line = auditLines(dir).get(0);
        assertThat(text(line, "command")).isEqualTo("decrypt");
        assertThat(text(line, "name")).isEqualTo("development");
        assertThat(line.path("details").path("files").asString()).isEqualTo("environments/development.yaml");
        assertThat(text(line, "result")).isEqualTo("ok: key " + key.keyId());
        assertThat(auditText(dir)).doesNotContain(DEV_SECRET);
    }

    @Test
    void decryptOfAnotherEnvironmentsValueIsAuditedAsDeniedAndRevealsNothing() {
        try (Workspace ws = as("dave")) {
            assertThatThrownBy(() -> service.decrypt(ws, DecryptRequest.of(prodEnc)))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("the value is in environments/production.yaml")
                    .hasMessageNotContaining(PROD_SECRET);
        }
        JsonNode line = auditLines(dir).get(0);
        assertThat(text(line, "command")).isEqualTo("decrypt");
        assertThat(text(line, "result")).isEqualTo("denied: reveal");
        assertThat(text(line, "name")).isEqualTo("production");
    }

    @Test
    void decryptOfTextThatIsNotEncryptedIsBadInputBeforeAnyAccessCheck() {
        try (Workspace ws = as("nobody")) {
            assertThatThrownBy(() -> service.decrypt(ws, DecryptRequest.of("plain")))
                    .isInstanceOfSatisfying(ConfigCicdException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                    .hasMessageContaining("not an ENC[...] value");
        }
        assertThat(auditLines(dir)).isEmpty();
    }

    @Test
    void rekeyRewritesEveryFileUnderTheNewKeyBetweenAStartedAndAnOkLine() throws Exception {
        EventSink.Recording events = EventSink.recording();
        RekeyOutcome outcome;
        try (Workspace ws = ServiceFixtures.open(dir, "carol", Map.of("CONFIG_CICD_KEY", key.toBase64(),
                "CONFIG_CICD_NEW_KEY", newKey.toBase64()), events)) {
            outcome = service.rekey(ws, RekeyRequest.of());
        }
        assertThat(outcome.fromKey()).isEqualTo(key.keyId());
        assertThat(outcome.toKey()).isEqualTo(newKey.keyId());
        assertThat(outcome.files()).containsExactly(
                new RekeyOutcome.RekeyedFile("environments/development.yaml", 1),
                new RekeyOutcome.RekeyedFile("environments/production.yaml", 1));
        assertThat(outcome.reencrypted()).isEqualTo(2);
        String development = Files.readString(dir.resolve("environments/development.yaml"));
        assertThat(development).doesNotContain(devEnc).endsWith("  # kept\n");
        SecretCipher opened = new SecretCipher(KeyRing.of(newKey));
        assertThat(opened.decrypt(development.substring(development.indexOf("ENC["), development.indexOf("  #"))))
                .isEqualTo(DEV_SECRET);
        assertThat(auditLines(dir)).extracting(l -> text(l, "command") + " " + text(l, "name") + " "
                + text(l, "result")).containsExactly(
                "rekey environments/development.yaml started",
                "rekey environments/development.yaml ok: 1 value(s) from key " + key.keyId() + " to " + newKey.keyId(),
                "rekey environments/production.yaml started",
                "rekey environments/production.yaml ok: 1 value(s) from key " + key.keyId() + " to " + newKey.keyId());
        assertThat(events.events()).extracting(e -> ((Event.FileWritten) e).file())
                .containsExactly("environments/development.yaml", "environments/production.yaml");
    }

    @Test
    void rekeyIsDeniedAndWritesNothingWhenThePrincipalMayNotWriteEveryFile() throws Exception {
        try (Workspace ws = as("dave")) {
            assertThatThrownBy(() -> service.rekey(ws, RekeyRequest.of()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("rekey writes");
        }
        assertThat(Files.readString(dir.resolve("environments/development.yaml"))).contains(devEnc);
        JsonNode line = auditLines(dir).get(0);
        assertThat(text(line, "command")).isEqualTo("rekey");
        assertThat(text(line, "result")).isEqualTo("denied: write");
    }

    @Test
    void rekeyWithoutANewKeyIsBadInputAndWritesNothing() throws Exception {
        try (Workspace ws = ServiceFixtures.open(dir, "carol", Map.of("CONFIG_CICD_KEY", key.toBase64()),
                EventSink.NONE)) {
            assertThatThrownBy(() -> service.rekey(ws, RekeyRequest.of()))
                    .isInstanceOfSatisfying(ConfigCicdException.class,
                            e -> assertThat(e.hint()).contains("--new-key-file FILE or set CONFIG_CICD_NEW_KEY"))
                    .hasMessageContaining("no new key given");
        }
        assertThat(Files.readString(dir.resolve("environments/development.yaml"))).contains(devEnc);
        assertThat(auditLines(dir)).isEmpty();
    }

    @Test
    void rekeyTakesTheNewKeyFromTheRequestsFile() throws Exception {
        Path keyFile = dir.resolveSibling(dir.getFileName() + ".new.key");
        Files.writeString(keyFile, newKey.toBase64());
        try (Workspace ws = ServiceFixtures.open(dir, "carol", Map.of("CONFIG_CICD_KEY", key.toBase64()),
                EventSink.NONE)) {
            assertThat(service.rekey(ws, RekeyRequest.of().withNewKeyFile(keyFile)).toKey()).isEqualTo(newKey.keyId());
        }
    }
}
