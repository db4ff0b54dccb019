package io.configcicd.core.api;

import io.configcicd.core.history.FileRestore;
import io.configcicd.core.history.RestoreOptions;
import io.configcicd.core.history.RestoreResult;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code rollback --scope S --name N [--to-version REV]}: restores the files of a configuration as they were in a
 * version ({@link FileRestore}), the restored state validated first by the directory's own validator and the rules a
 * program added ({@link RestoreValidators}), a backup taken, written atomically, committed in a git work tree with
 * the principal as author. (Rolling a deployment's stores back is the deploy service's, not this one's.)
 *
 * <p>Access: ROLLBACK on the environment, then on every environment the changed files reach (ADMIN when
 * {@code config-cicd.yaml} is among them) before anything is validated or written; audited as {@code rollback} with
 * the version asked for and, once done, the version restored and what was written, deleted, backed up and committed.
 */
public final class RollbackService {

    /**
     * Restores the files the request names.
     *
     * @throws io.configcicd.core.ConfigCicdException bad input (unknown version, no previous version, restored files
     *         that do not load), FINDINGS (the restored state fails validation and the request does not force),
     *         access denied, external (git or the file system failed)
     */
    public FileRollbackOutcome rollbackFiles(Workspace ws, FileRollbackRequest request) {
        Governance governance = ws.governance();
        governance.require(Permission.ROLLBACK, request.name(), "rollback");
        String principal = governance.principal().name();
        RestoreOptions options = RestoreOptions.defaults().withForce(request.force()).withCommit(request.commit())
                .withAuthor(principal, principal + "@config-cicd").withClock(ws.clock().withZone(ZoneOffset.UTC));
        AuditEvent intent = governance.event("rollback", request.scope().word(), request.name(), "")
                .withValues(Optional.empty(), request.toVersion());
        RestoreResult restored = governance.audited(intent,
                () -> new FileRestore(RestoreValidators.of(ws.manager(), governance)).rollback(ws.configDirectory(),
                        request.scope(), request.name(), request.toVersion(), options),
                done -> intent.withValues(Optional.empty(), Optional.of(done.version())).withResult(AuditEvent.OK + ": "
                        + done.filesWritten().size() + " written, " + done.filesDeleted().size() + " deleted, backup "
                        + done.backupTaken().id() + done.newCommit().map(c -> ", commit " + c).orElse("")));
        return new FileRollbackOutcome(restored);
    }
}
