package io.configcicd.core.api;

import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.access.Permission;

/**
 * The audit log of a configuration directory as an operation: {@link #verify} checks it. Access is checked here, as
 * for every operation: reading the log needs read permission (on any environment).
 */
public final class AuditService {

    /**
     * Checks the workspace's audit log (its hash chain, head, keyed chain, git anchor, and the expected head when the
     * request gives one). A damaged log is a result, not an exception.
     *
     * @throws io.configcicd.core.security.access.AccessDeniedException without read permission (the denial audited)
     */
    public AuditVerifyOutcome verify(Workspace ws, AuditVerifyRequest request) {
        Governance governance = ws.governance();
        governance.require(Permission.READ, AccessPolicy.ANY_ENVIRONMENT, "audit verify");
        return new AuditVerifyOutcome(governance.auditLog().verify(request.expectHead()));
    }
}
