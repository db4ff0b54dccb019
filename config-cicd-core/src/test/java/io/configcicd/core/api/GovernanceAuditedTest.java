package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.security.audit.AuditLog;
import io.configcicd.core.security.audit.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Governance.audited: a change between a "started" line and its outcome, never a change without a line. */
class GovernanceAuditedTest {

    @TempDir
    Path dir;

    private Path log;
    private Governance governance;

    @BeforeEach
    void governance() {
        log = dir.resolve("audit/audit.jsonl");
        governance = new Governance(new Principal("carol", "CONFIG_CICD_USER"), AccessPolicy.allowAll(),
                new AuditLog(log, true, new SecretMasker(Settings.DEFAULT_SECRET_KEYS)),
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    }

    private List<JsonNode> lines() throws Exception {
        return Files.readAllLines(log).stream().map(l -> JsonMapper.shared().readTree(l)).toList();
    }

    private void breakTheLog() throws Exception {
        Files.deleteIfExists(log);
        Files.createDirectories(log);
    }

    @Test
    void theStartedLineIsWrittenBeforeTheActionRunsAndTheOutcomeAfterIt() throws Exception {
        AuditEvent intent = governance.event("set", "global", "production", "db.pool");
        String result = governance.audited(intent, () -> {
            try {
                assertThat(lines()).extracting(l -> l.path("result").asString()).containsExactly("started");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return "done";
        }, r -> intent.withResult(AuditEvent.OK + ": " + r));

        assertThat(result).isEqualTo("done");
        List<JsonNode> lines = lines();
        assertThat(lines).extracting(l -> l.path("result").asString()).containsExactly("started", "ok: done");
        assertThat(lines.get(1).path("details").path("started").asString()).isEqualTo("1");
        assertThat(lines.get(1).path("principal").asString()).isEqualTo("carol");
        assertThat(lines.get(1).path("path").asString()).isEqualTo("db.pool");
    }

    @Test
    void whenTheStartedLineCannotBeWrittenTheActionDoesNotRun() throws Exception {
        breakTheLog();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> governance.audited(governance.event("rollback", "global", "production", ""),
                () -> ran.getAndSet(true), r -> governance.event("rollback", "", "", "")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
                    assertThat(e.hint()).endsWith("rollback did not run: nothing was changed");
                });
        assertThat(ran).isFalse();
    }

    @Test
    void aFailedActionIsRecordedAsFailedAndItsErrorGoesOn() throws Exception {
        AuditEvent intent = governance.event("rekey", "file", "environments/production.yaml", "");
        ConfigCicdException boom = ConfigCicdException.badInput("cannot decrypt password", "use the right key");

        assertThatThrownBy(() -> governance.audited(intent, () -> {
            throw boom;
        }, r -> intent.withResult(AuditEvent.OK))).isSameAs(boom);
        assertThat(lines()).extracting(l -> l.path("result").asString())
                .containsExactly("started", "failed: cannot decrypt password");
    }

    @Test
    void anOutcomeThatCannotBeWrittenSaysTheActionWasDoneAndWhichLineRecordsItsStart() {
        AuditEvent intent = governance.event("set", "global", "production", "db.pool");

        assertThatThrownBy(() -> governance.audited(intent, () -> {
            try {
                breakTheLog();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return "done";
        }, r -> intent.withResult(AuditEvent.OK))).isInstanceOfSatisfying(ConfigCicdException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
            assertThat(e.getMessage()).contains("set was done, but its outcome could not be written to the audit log");
            assertThat(e.hint()).contains("line 1 of the log records that it started");
        });
    }

    @Test
    void aDisabledLogLetsTheActionRunWithoutLines() {
        Governance off = new Governance(new Principal("carol", "CONFIG_CICD_USER"), AccessPolicy.allowAll(),
                new AuditLog(log, false, new SecretMasker(Settings.DEFAULT_SECRET_KEYS)), Clock.systemUTC());
        assertThat(off.audited(off.event("set", "", "", ""), () -> 1, r -> off.event("set", "", "", ""))).isEqualTo(1);
        assertThat(log).doesNotExist();
    }
}
