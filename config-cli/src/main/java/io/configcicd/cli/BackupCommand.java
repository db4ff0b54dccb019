package io.configcicd.cli;

import io.configcicd.core.api.BackupListOutcome;
import io.configcicd.core.api.BackupListRequest;
import io.configcicd.core.api.BackupOutcome;
import io.configcicd.core.api.BackupRequest;
import io.configcicd.core.api.BackupService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import io.configcicd.core.report.BackupReports;
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
        BackupService backups = new BackupService();
        if (list) {
            BackupListOutcome o = backups.list(workspace, BackupListRequest.of(scope, name));
            output.result(BackupReports.structure(o.backups()), () -> BackupReports.text(o.backups()));
            return;
        }
        BackupOutcome o = backups.create(workspace, BackupRequest.of(scope, name).withLabel(label));
        output.result(BackupReports.structure(o.backup()), () -> BackupReports.taken(o.backup()));
    }
}
