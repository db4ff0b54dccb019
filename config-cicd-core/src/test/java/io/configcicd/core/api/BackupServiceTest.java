package io.configcicd.core.api;

import static io.configcicd.core.api.ServiceFixture.as;
import static io.configcicd.core.api.ServiceFixture.audit;
import static io.configcicd.core.api.ServiceFixture.auditLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.history.Backup;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.access.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupServiceTest {

    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void configuration() {
        dir = ServiceFixture.directory(tmp);
    }

    @Test
    void aBackupNeedsWriteAndIsAuditedWithItsLabelAndId() {
        Backup taken;
        try (Workspace ws = as("alice", dir)) {
            taken = new BackupService().create(ws, BackupRequest.of(Scope.GLOBAL, "staging").withLabel("pre-release"))
                    .backup();
        }

        assertThat(taken.label()).isEqualTo("pre-release");
        assertThat(taken.files()).contains("environments/staging.yaml");
        assertThat(auditLines(dir)).containsExactly("alice backup started", "alice backup ok: backup " + taken.id());
        assertThat(audit(dir).get(1).toString()).contains("pre-release");
    }

    @Test
    void aBackupWithoutWriteIsDeniedAuditedAndTakesNothing() {
        try (Workspace ws = as("alice", dir)) {
            assertThatThrownBy(() -> new BackupService().create(ws, BackupRequest.of(Scope.GLOBAL, "production")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("production");
        }

        assertThat(auditLines(dir)).containsExactly("alice backup denied: write");
        assertThat(Files.exists(dir.resolve(".config-cicd/backups"))).isFalse();
    }

    @Test
    void listingNeedsReadAndShowsTheBackupsNewestFirst() {
        try (Workspace ws = as("bob", dir)) {
            BackupService backups = new BackupService();
            Backup first = backups.create(ws, BackupRequest.of(Scope.GLOBAL, "production").withLabel("one")).backup();
            Backup second = backups.create(ws, BackupRequest.of(Scope.GLOBAL, "production").withLabel("two")).backup();

            assertThat(backups.list(ws, BackupListRequest.of(Scope.GLOBAL, "production")).backups())
                    .extracting(Backup::id).containsExactly(second.id(), first.id());
        }
        try (Workspace ws = as("alice", dir)) {
            assertThatThrownBy(() -> new BackupService().list(ws, BackupListRequest.of(Scope.GLOBAL, "production")))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(auditLines(dir)).last().isEqualTo("alice backup --list denied: read");
    }
}
