package io.configcicd.core.api;

import io.configcicd.core.history.Backup;
import io.configcicd.core.history.ConfigBackup;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import java.util.List;

/**
 * {@code backup}: takes a named snapshot of a configuration (a git tag under {@code config-backup/} of the files as
 * they are on disk, committed or not; outside git a copy under {@code .config-cicd/backups/}), or lists them.
 *
 * <p>Access: WRITE on the environment to take one ({@code backup}, audited with its label and id), READ to list them
 * ({@code backup --list}).
 */
public final class BackupService {

    /**
     * Takes a backup, dated by the workspace's clock.
     *
     * @throws io.configcicd.core.ConfigCicdException bad input (an unknown environment); access denied; external when
     *         git or the file system fails
     */
    public BackupOutcome create(Workspace ws, BackupRequest request) {
        Governance governance = ws.governance();
        governance.require(Permission.WRITE, request.name(), "backup");
        AuditEvent intent = governance.event("backup", request.scope().word(), request.name(), "")
                .withDetail("label", request.label());
        Backup taken = governance.audited(intent,
                () -> new ConfigBackup().create(ws.configDirectory().root(), request.scope(), request.name(),
                        request.label(), ws.clock().instant()),
                b -> intent.withResult(AuditEvent.OK + ": backup " + b.id()));
        return new BackupOutcome(taken);
    }

    /** The backups of the configuration, newest first. */
    public BackupListOutcome list(Workspace ws, BackupListRequest request) {
        ws.governance().require(Permission.READ, request.name(), "backup --list");
        List<Backup> all = new ConfigBackup().list(ws.configDirectory().root(), request.scope(), request.name());
        return new BackupListOutcome(all);
    }
}
