package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Takes a backup of a configuration before an operation writes it, and returns the backup's id. The front ends pass
 * {@code io.configcicd.core.version.ConfigBackup} (git tag or copy); the facade does not depend on how.
 */
@FunctionalInterface
public interface BackupTaker {

    /** Takes no backup (for tests and read-only uses). */
    BackupTaker NONE = (dir, scope, name, label, now) -> "";

    String take(Path configDir, Scope scope, String name, String label, Instant now);
}
