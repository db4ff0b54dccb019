package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.history.Backup;
import io.configcicd.core.history.ConfigBackup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backup --scope S --name N [--label L]} takes a snapshot of a configuration (a git tag under
 * {@code config-backup/}, or a copy under {@code .config-cicd/backups/} outside git); {@code --list} shows them.
 */
@Command(name = "backup", description = "Take a named snapshot of a configuration: a git tag under config-backup/ "
        + "(the files as they are on disk, committed or not), or a copy under .config-cicd/backups/ outside git. "
        + "--list shows the backups, newest first.")
final class BackupCommand extends ConfigCommand {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "global or environment")
    private Scope scope;

    @Option(names = "--name", required = true, paramLabel = "ENV", description = "The environment.")
    private String name;

    @Option(names = "--label", paramLabel = "LABEL", defaultValue = "manual", description = "A word for the backup's name.")
    private String label;

    @Option(names = "--list", description = "List the backups instead of taking one.")
    private boolean list;

    @Override
    protected void execute(Workspace workspace, Output output) {
        ConfigurationManager manager = workspace.manager();
        Governance governance = workspace.governance();
        ConfigBackup backups = new ConfigBackup();
        if (list) {
            governance.require(Permission.READ, name, "backup --list");
            List<Backup> all = backups.list(manager.directory().root(), scope, name);
            List<Map<String, Object>> json = new ArrayList<>();
            all.forEach(b -> json.add(structure(b)));
            output.result(json, () -> {
                StringBuilder sb = new StringBuilder(all.isEmpty() ? "no backups\n" : "");
                all.forEach(b -> sb.append(b.id()).append("  ").append(b.time()).append("  ")
                        .append(b.kind().name().toLowerCase(java.util.Locale.ROOT)).append("  ").append(b.files().size())
                        .append(" file(s)\n"));
                return sb.toString();
            });
            return;
        }
        governance.require(Permission.WRITE, name, "backup");
        AuditEvent intent = governance.event("backup", scopeWord(scope), name, "").withDetail("label", label);
        Backup b = governance.audited(intent,
                () -> new ConfigBackup().create(manager.directory().root(), scope, name, label, Instant.now()),
                taken -> intent.withResult(AuditEvent.OK + ": backup " + taken.id()));
        output.result(structure(b), () -> "backup " + b.id() + " (" + b.files().size() + " file(s))\n");
    }

    /**
     * Takes a backup, then runs the action that writes; used by every command that writes. When the action fails
     * before it changed the files, the backup is removed again ({@link ConfigBackup#around}).
     */
    static <T> ConfigBackup.Backed<T> around(ConfigurationManager manager, Scope scope, String name, String label,
                                             Supplier<T> action) {
        return new ConfigBackup().around(manager.directory().root(), scope, name, label, Instant.now(), action);
    }

    private static Map<String, Object> structure(Backup b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("time", b.time().toString());
        m.put("label", b.label());
        m.put("kind", b.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("files", b.files());
        return m;
    }
}
