package io.configcicd.core.security.access;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;

/**
 * A principal lacked a permission ({@link ErrorKind#ACCESS_DENIED}, exit code 4). The message names the
 * permission, the environment and the principal; the hint names the roles that grant it.
 */
public final class AccessDeniedException extends ConfigCicdException {

    private static final long serialVersionUID = 1L;

    private final transient Decision decision;

    public AccessDeniedException(Decision decision) {
        super(ErrorKind.ACCESS_DENIED, Origin.UNKNOWN, decision.reason(), decision.hint());
        this.decision = decision;
    }

    /** The denial, with the roles held and the roles that would grant it. */
    public Decision decision() {
        return decision;
    }

    /** The permission that was lacking. */
    public Permission permission() {
        return decision.permission();
    }
}
