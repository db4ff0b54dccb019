package io.configcicd.cli;

import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.TestStoresOutcome;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.DeployReports;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code test-stores [--environment E]...}: a thin adapter over {@link DeployService#testStores}; exit 3 on failure. */
@Command(name = "test-stores", sortOptions = false, description = "Check every target: reachable, authenticated, can"
        + " read, can write (a probe that leaves the data alone), latency; exit 3 when any fails.")
final class TestStoresCommand extends ConfigCommand {

    @Option(names = "--environment", paramLabel = "ENV", description = "Only the targets of this environment"
            + " (repeatable; default: every environment with targets).")
    private List<String> environments = new ArrayList<>();

    private int exit;

    @Override
    protected void execute(Workspace workspace, Output output) {
        TestStoresOutcome outcome = new DeployService().testStores(workspace, environments);
        output.result(DeployReports.structure(outcome.checks()), () -> DeployReports.text(outcome.checks()));
        exit = outcome.exitCode();
    }

    @Override
    protected int exitCode() {
        return exit;
    }
}
