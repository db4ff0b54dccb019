package io.configcicd.core.api;

import static io.configcicd.core.api.ServiceFixture.as;
import static io.configcicd.core.api.ServiceFixture.audit;
import static io.configcicd.core.api.ServiceFixture.auditLines;
import static io.configcicd.core.api.ServiceFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.history.Backup;
import io.configcicd.core.history.RestoreResult;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.access.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackServiceTest {

    @TempDir
    Path tmp;

    private Path dir;
    private Backup good;

    @BeforeEach
    void aBackupThenAChange() {
        dir = ServiceFixture.directory(tmp);
        try (Workspace ws = as("bob", dir)) {
            good = new BackupService().create(ws, BackupRequest.of(Scope.GLOBAL, "staging")).backup();
        }
        ServiceFixture.write(dir.resolve("environments/staging.yaml"), "service:\n  port: 9999\n");
    }

    @Test
    void aFileRollbackRestoresTheBackupAndAuditsTheVersionAndWhatItWrote() {
        RestoreResult restored;
        try (Workspace ws = as("bob", dir)) {
            restored = new RollbackService().rollbackFiles(ws,
                    FileRollbackRequest.of(Scope.GLOBAL, "staging").withToVersion(good.id())).restored();
        }

        assertThat(read(dir.resolve("environments/staging.yaml"))).contains("port: 8081");
        assertThat(restored.version()).isEqualTo(good.id());
        assertThat(restored.filesWritten()).containsExactly("environments/staging.yaml");
        assertThat(auditLines(dir)).containsExactly("bob backup started", "bob backup ok: backup " + good.id(),
                "bob rollback started",
                "bob rollback ok: 1 written, 0 deleted, backup " + restored.backupTaken().id());
        assertThat(audit(dir).get(3).path("new").asString()).isEqualTo(good.id());
    }

    @Test
    void aFileRollbackWithoutTheRollbackPermissionIsDeniedAuditedAndWritesNothing() {
        try (Workspace ws = as("alice", dir)) {
            assertThatThrownBy(() -> new RollbackService().rollbackFiles(ws,
                    FileRollbackRequest.of(Scope.GLOBAL, "staging").withToVersion(good.id())))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("rollback");
        }

        assertThat(read(dir.resolve("environments/staging.yaml"))).contains("port: 9999");
        assertThat(auditLines(dir)).last().isEqualTo("alice rollback denied: rollback");
    }
}
