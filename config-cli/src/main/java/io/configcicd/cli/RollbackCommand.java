package io.configcicd.cli;

import io.configcicd.core.api.FileRollbackOutcome;
import io.configcicd.core.api.FileRollbackRequest;
import io.configcicd.core.api.RollbackService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import io.configcicd.core.report.RestoreReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rollback --scope S --name N [--to-version REV]}: restores the files of a configuration as they were in REV
 * (default: the version before the last change), validated, atomically, committed in a git work tree, audited.
 */
@Command(name = "rollback", description = "Restore the files of a configuration as they were in a version (default: "
        + "the one before the last change): validated first, a backup taken, written atomically, committed when the "
        + "directory is a git work tree, audited.")
final class RollbackCommand extends ConfigCommand {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "global or environment")
    private Scope scope;

    @Option(names = "--name", required = true, paramLabel = "ENV", description = "The environment.")
    private String name;

    @Option(names = "--to-version", paramLabel = "REV",
            description = "A commit, tag (v1.2.3, config-backup/...), branch, or outside git a backup id.")
    private String toVersion;

    @Option(names = "--force", description = "Write even when the restored configuration has validation findings.")
    private boolean force;

    @Option(names = "--no-commit", description = "Restore the files without committing them.")
    private boolean noCommit;

    @Override
    protected void execute(Workspace workspace, Output output) {
        FileRollbackRequest request = FileRollbackRequest.of(scope, name).withForce(force).withCommit(!noCommit);
        if (toVersion != null) {
            request = request.withToVersion(toVersion);
        }
        FileRollbackOutcome o = new RollbackService().rollbackFiles(workspace, request);
        output.result(RestoreReports.structure(o.restored()), () -> RestoreReports.text(o.restored()));
    }
}
