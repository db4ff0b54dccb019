package io.configcicd.cli;

import io.configcicd.core.api.DeployOutcome;
import io.configcicd.core.api.DeployRequest;
import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.DeployReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deploy --environment E [--target T]... [--commit-hash REV] [--deployment-id ID] [--dry-run] [--force]}: a thin
 * adapter over {@link DeployService#deploy}. Exit 0 applied, nothing to do or dry run; 1 refused (validation or a
 * guardrail); 3 a target failed (the others restored); 4 access denied.
 */
@Command(name = "deploy", sortOptions = false, description = "Push the effective configuration of an environment to"
        + " its targets, all or nothing: validate, plan, check the guardrails, apply, verify, journal.")
final class DeployCommand extends ConfigCommand {

    @Option(names = "--environment", required = true, paramLabel = "ENV", description = "The environment to deploy.")
    private String environment;

    @Option(names = "--target", paramLabel = "T", description = "Only this target of the environment (repeatable).")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--commit-hash", paramLabel = "REV", description = "Deploy the configuration of this commit"
            + " (read from git's objects) instead of the work tree.")
    private String revision;

    @Option(names = "--deployment-id", paramLabel = "ID", description = "The deployment's id (default: GITHUB_RUN_ID,"
            + " CI_PIPELINE_ID, BUILD_TAG, else a time-based id).")
    private String deploymentId;

    @Option(names = "--dry-run", description = "Print the plan and the drift per target; write nothing.")
    private boolean dryRun;

    @Option(names = "--force", description = "Deploy past the guardrails (max_change_ratio, protected_keys, a protected"
            + " environment from a dirty work tree); never past validation.")
    private boolean force;

    private int exit;

    @Override
    protected void execute(Workspace workspace, Output output) {
        DeployRequest request = DeployRequest.of(environment).withTargets(targets)
                .withRevision(Optional.ofNullable(revision)).withDeploymentId(Optional.ofNullable(deploymentId))
                .withDryRun(dryRun).withForce(force);
        DeployOutcome outcome = new DeployService().deploy(workspace, request);
        cli().maskWith(outcome.masker());
        output.result(DeployReports.structure(outcome.deployment()), () -> DeployReports.text(outcome.deployment()));
        exit = outcome.exitCode();
    }

    @Override
    protected int exitCode() {
        return exit;
    }
}
