package io.configcicd.cli;

import io.configcicd.core.api.DeployRequest;
import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.DriftOutcome;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.DeployReports;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drift --environment E [--target T]...}: a thin adapter over {@link DeployService#drift}; exit 1 on drift. */
@Command(name = "drift", sortOptions = false, description = "Compare every target's live content with its last"
        + " deployed record and with the configuration; exit 1 when a target drifted (someone edited the store).")
final class DriftCommand extends ConfigCommand {

    @Option(names = "--environment", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Option(names = "--target", paramLabel = "T", description = "Only this target of the environment (repeatable).")
    private List<String> targets = new ArrayList<>();

    private int exit;

    @Override
    protected void execute(Workspace workspace, Output output) {
        DriftOutcome outcome = new DeployService().drift(workspace, DeployRequest.of(environment).withTargets(targets));
        cli().maskWith(outcome.masker());
        output.result(DeployReports.structure(outcome.drift()), () -> DeployReports.text(outcome.drift()));
        exit = outcome.exitCode();
    }

    @Override
    protected int exitCode() {
        return exit;
    }
}
