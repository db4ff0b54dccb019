package io.configcicd.cli;

import io.configcicd.core.api.DeployOutcome;
import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.FileRollbackOutcome;
import io.configcicd.core.api.FileRollbackRequest;
import io.configcicd.core.api.RollbackService;
import io.configcicd.core.api.StoreRollbackRequest;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import io.configcicd.core.report.DeployReports;
import io.configcicd.core.report.RestoreReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Two rollbacks, by their options (exclusive): {@code rollback --scope S --name N [--to-version REV]} restores the
 * files of a configuration as they were in REV (default: the version before the last change), validated, atomically,
 * committed in a git work tree, audited ({@link RollbackService#rollbackFiles}); {@code rollback --environment E
 * --deployment-id ID} puts every target of that deployment back to what it held before ({@link DeployService#rollback}:
 * exit 1 refused, 3 a target failed, the others restored).
 */
@Command(name = "rollback", sortOptions = false, description = "Either restore the files of a configuration as they"
        + " were in a version (--scope/--name [--to-version]; default: the one before the last change): validated"
        + " first, a backup taken, written atomically, committed when the directory is a git work tree, audited."
        + " Or put every target of a deployment back to what it held before (--environment/--deployment-id).")
final class RollbackCommand extends ConfigCommand {

    private static final String FILES = "--scope/--name [--to-version] [--no-commit]";
    private static final String STORES = "--environment/--deployment-id";

    @Option(names = "--scope", paramLabel = "SCOPE", description = "Files: global or environment.")
    private Scope scope;

    @Option(names = "--name", paramLabel = "ENV", description = "Files: the environment.")
    private String name;

    @Option(names = "--to-version", paramLabel = "REV",
            description = "Files: a commit, tag (v1.2.3, config-backup/...), branch, or outside git a backup id.")
    private String toVersion;

    @Option(names = "--no-commit", description = "Files: restore them without committing them.")
    private boolean noCommit;

    @Option(names = "--environment", paramLabel = "ENV", description = "Store rollback: the environment deployed.")
    private String environment;

    @Option(names = "--deployment-id", paramLabel = "ID", description = "Store rollback: the deployment to undo"
            + " (its journal entry under .config-cicd/deployments/).")
    private String deploymentId;

    @Option(names = "--force", description = "Files: write even when the restored configuration has validation"
            + " findings. Store rollback: put back a target that moved on since the deployment.")
    private boolean force;

    private int exit;

    @Override
    protected void execute(Workspace workspace, Output output) {
        if (storeRollback()) {
            StoreRollbackRequest request = StoreRollbackRequest.of(environment, deploymentId).withForce(force);
            DeployOutcome outcome = new DeployService().rollback(workspace, request);
            cli().maskWith(outcome.masker());
            output.result(DeployReports.structure(outcome.deployment()), () -> DeployReports.text(outcome.deployment()));
            exit = outcome.exitCode();
            return;
        }
        FileRollbackRequest request = FileRollbackRequest.of(scope, name).withForce(force).withCommit(!noCommit);
        if (toVersion != null) {
            request = request.withToVersion(toVersion);
        }
        FileRollbackOutcome o = new RollbackService().rollbackFiles(workspace, request);
        output.result(RestoreReports.structure(o.restored()), () -> RestoreReports.text(o.restored()));
    }

    /**
     * True for a store rollback, false for a file rollback.
     *
     * @throws ParameterException (exit 2) when options of both kinds are given, or one kind's required options lack
     */
    private boolean storeRollback() {
        List<String> files = given(Optional.ofNullable(scope).map(s -> "--scope"), Optional.ofNullable(name).map(
                n -> "--name"), Optional.ofNullable(toVersion).map(v -> "--to-version"),
                noCommit ? Optional.of("--no-commit") : Optional.empty());
        List<String> stores = given(Optional.ofNullable(environment).map(e -> "--environment"),
                Optional.ofNullable(deploymentId).map(d -> "--deployment-id"));
        if (!files.isEmpty() && !stores.isEmpty()) {
            throw usage("rollback takes either " + FILES + " (restore files) or " + STORES + " (undo a deployment),"
                    + " not both: " + String.join(", ", files) + " with " + String.join(", ", stores));
        }
        if (!stores.isEmpty()) {
            if (environment == null || deploymentId == null) {
                throw usage("a store rollback needs both --environment and --deployment-id");
            }
            return true;
        }
        if (scope == null || name == null) {
            throw usage("Missing required options: rollback takes " + FILES + " (restore files) or " + STORES
                    + " (undo a deployment)");
        }
        return false;
    }

    @SafeVarargs
    private static List<String> given(Optional<String>... options) {
        List<String> out = new ArrayList<>();
        for (Optional<String> o : options) {
            o.ifPresent(out::add);
        }
        return out;
    }

    @Override
    protected int exitCode() {
        return exit;
    }
}
