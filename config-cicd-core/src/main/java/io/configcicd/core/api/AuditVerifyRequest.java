package io.configcicd.core.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditService#verify} checks: the audit log of the workspace's directory, and when {@code expectHead} is
 * given, that the log still holds the line of that hash (as printed by an earlier verify and kept elsewhere).
 */
public record AuditVerifyRequest(Optional<String> expectHead) {

    public AuditVerifyRequest {
        Objects.requireNonNull(expectHead, "expectHead");
    }

    /** The log's own checks: hash chain, head file, keyed chain and git anchor where they apply. */
    public static AuditVerifyRequest of() {
        return new AuditVerifyRequest(Optional.empty());
    }

    /** Also require the line whose hash is {@code hash} ({@code --expect-head}). */
    public AuditVerifyRequest withExpectHead(String hash) {
        return new AuditVerifyRequest(Optional.of(hash));
    }
}
