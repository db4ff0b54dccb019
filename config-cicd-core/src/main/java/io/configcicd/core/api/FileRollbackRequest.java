package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import java.util.Objects;
import java.util.Optional;

/**
 * The file rollback {@link RollbackService#rollbackFiles} does: restore the files of configuration ({@code scope},
 * {@code name}) as they were in {@code toVersion} (empty: the version before the last change), refusing when the
 * restored state has findings unless {@code force}, committing them in a git work tree when {@code commit}.
 *
 * @param toVersion a commit, tag ({@code v1.2.3}, {@code config-backup/...}), branch, or outside git a backup id
 */
public record FileRollbackRequest(Scope scope, String name, Optional<String> toVersion, boolean force,
                                  boolean commit) {

    public FileRollbackRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(toVersion, "toVersion");
    }

    /** Back to the previous version, not forced, committed. */
    public static FileRollbackRequest of(Scope scope, String name) {
        return new FileRollbackRequest(scope, name, Optional.empty(), false, true);
    }

    public FileRollbackRequest withToVersion(String version) {
        return new FileRollbackRequest(scope, name, Optional.of(version), force, commit);
    }

    public FileRollbackRequest withForce(boolean value) {
        return new FileRollbackRequest(scope, name, toVersion, value, commit);
    }

    public FileRollbackRequest withCommit(boolean value) {
        return new FileRollbackRequest(scope, name, toVersion, force, value);
    }
}
