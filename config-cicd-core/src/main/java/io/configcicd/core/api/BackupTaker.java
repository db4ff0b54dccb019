package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import io.configcicd.core.history.Backup;
import io.configcicd.core.history.ConfigBackup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes a backup of a configuration before an operation writes it, and returns the backup's id. The front ends pass
 * {@link #configBackups()} (git tag or copy); the facade does not depend on how.
 */
@FunctionalInterface
public interface BackupTaker {

    /** Takes no backup (for tests and read-only uses). */
    BackupTaker NONE = (dir, scope, name, label, now) -> "";

    String take(Path configDir, Scope scope, String name, String label, Instant now);

    /**
     * Removes a backup this taker took, when the configuration's files are still exactly what it holds: called when
     * the operation failed before it changed them, so that a failed command leaves no backup behind. The default
     * keeps every backup.
     *
     * @return whether the backup was removed
     */
    default boolean discardIfUnchanged(Path configDir, Scope scope, String name, String id) {
        return false;
    }

    /** The backups of {@link ConfigBackup}: a git tag in a git work tree, a copy elsewhere. */
    static BackupTaker configBackups() {
        ConfigBackup backups = new ConfigBackup();
        Map<String, Backup> taken = new ConcurrentHashMap<>();
        return new BackupTaker() {
            @Override
            public String take(Path configDir, Scope scope, String name, String label, Instant now) {
                Backup b = backups.create(configDir, scope, name, label, now);
                taken.put(b.id(), b);
                return b.id();
            }

            @Override
            public boolean discardIfUnchanged(Path configDir, Scope scope, String name, String id) {
                Backup b = taken.get(id);
                return b != null && backups.discardIfUnchanged(configDir, scope, name, b);
            }
        };
    }
}
