package io.configcicd.core.api;

import static io.configcicd.core.api.ServiceFixtures.auditLines;
import static io.configcicd.core.api.ServiceFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.event.EventSink;
import io.configcicd.core.security.access.AccessDeniedException;
import io.configcicd.core.security.audit.VerifyResult;
import io.configcicd.core.security.crypto.SecretKeyMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class AuditServiceTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = Map.of("CONFIG_CICD_KEY", SecretKeyMaterial.generate().toBase64());
    private final AuditService service = new AuditService();

    @BeforeEach
    void directoryWithTwoAuditLines() {
        ServiceFixtures.directory(dir, "a: 1\n", "a: 2\n");
        for (int i = 0; i < 2; i++) {
            try (Workspace ws = ServiceFixtures.open(dir, "carol", env, EventSink.NONE)) {
                new SecretsService().encrypt(ws, EncryptRequest.of("value-" + i));
            }
        }
    }

    private AuditVerifyOutcome verify(String user, AuditVerifyRequest request) {
        try (Workspace ws = ServiceFixtures.open(dir, user, env, EventSink.NONE)) {
            return service.verify(ws, request);
        }
    }

    @Test
    void anUntouchedLogIsIntact() {
        AuditVerifyOutcome outcome = verify("rita", AuditVerifyRequest.of());
        assertThat(outcome.intact()).isTrue();
        assertThat(outcome.result().linesChecked()).isEqualTo(2);
        assertThat(outcome.result().lastHash()).isEqualTo(text(auditLines(dir).get(1), "hash"));
    }

    @Test
    void aLineEditedWithoutRehashingMakesTheLogDamaged() throws Exception {
        Path log = dir.resolve(".config-cicd/audit/audit.jsonl");
        Files.writeString(log, Files.readString(log).replaceFirst("\"carol\"", "\"mallory\""));
        AuditVerifyOutcome outcome = verify("rita", AuditVerifyRequest.of());
        assertThat(outcome.intact()).isFalse();
        assertThat(outcome.result().has(VerifyResult.Kind.EDITED)).isTrue();
    }

    @Test
    void anExpectedHeadTheLogDoesNotHoldMakesItDamaged() {
        AuditVerifyOutcome outcome = verify("rita", AuditVerifyRequest.of().withExpectHead("0".repeat(64)));
        assertThat(outcome.intact()).isFalse();
        assertThat(outcome.result().has(VerifyResult.Kind.HEAD_MISMATCH)).isTrue();
    }

    @Test
    void verifyingNeedsReadAndADenialIsAudited() {
        assertThatThrownBy(() -> verify("nobody", AuditVerifyRequest.of())).isInstanceOf(AccessDeniedException.class);
        List<JsonNode> lines = auditLines(dir);
        assertThat(lines).hasSize(3);
        assertThat(text(lines.get(2), "command")).isEqualTo("audit verify");
        assertThat(text(lines.get(2), "principal")).isEqualTo("nobody");
        assertThat(text(lines.get(2), "result")).isEqualTo("denied: read");
    }
}
