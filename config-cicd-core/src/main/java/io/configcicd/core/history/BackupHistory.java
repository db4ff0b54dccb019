package io.configcicd.core.history;

import io.configcicd.core.diff.Change;
import io.configcicd.core.diff.ConfigDiff;
import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.SecretMasker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The history of a configuration in a directory that is not a git repository: its backups (copies under
 * {@code .config-cicd/backups/}), newest first, each with the key-level changes from the backup before it (the
 * effective configuration for scope GLOBAL, the override document for ENVIRONMENT). Authors and messages are
 * what a backup knows: its label.
 */
public final class BackupHistory {

    private final ConfigBackup backups = new ConfigBackup();

    public List<HistoryEntry> history(Path configDir, Scope scope, String name, SecretMasker masker, int limit) {
        List<Backup> all = new ArrayList<>(backups.list(configDir, scope, name).stream()
                .filter(b -> b.kind() == Backup.Kind.COPY).toList());
        Collections.reverse(all);
        List<HistoryEntry> out = new ArrayList<>();
        ConfigMap previous = ConfigMap.empty();
        ConfigDiff diff = new ConfigDiff(masker);
        for (Backup b : all) {
            ConfigMap current = read(configDir, scope, name, b);
            List<Change> changes = diff.diff(previous, current);
            out.add(new HistoryEntry(b.id(), b.id(), "backup", "", b.time(), b.label(), changes, false));
            previous = current;
        }
        Collections.reverse(out);
        return limit > 0 && out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** The configuration as the backup holds it: its override document, or the merge of its documents for GLOBAL. */
    private static ConfigMap read(Path configDir, Scope scope, String name, Backup b) {
        Path dir = BackupCopies.folder(configDir, scope, name).resolve(b.id());
        ConfigDirectory copy = ConfigDirectory.open(dir, Codecs.standard(), Runnable::run);
        if (scope == Scope.ENVIRONMENT) {
            return copy.environmentDocument(name).map(copy::document).orElse(ConfigMap.empty());
        }
        List<String> files = new ArrayList<>(copy.globalDocuments());
        copy.environmentDocument(name).ifPresent(files::add);
        return Merger.merge(copy.documents(files));
    }
}
