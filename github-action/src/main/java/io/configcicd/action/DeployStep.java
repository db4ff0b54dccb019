package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.DeployOutcome;
import io.configcicd.core.api.DeployRequest;
import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.DriftOutcome;
import io.configcicd.core.api.TestStoresOutcome;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.DeployReports;
import io.configcicd.core.report.ReportFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code command: deploy | drift | test-stores}, one {@link DeployService} call each on the checkout (or, for deploy,
 * the {@code commit_hash} input's commit). Outputs {@code deployment_id}, {@code changed_keys} (one per line) and
 * {@code report} (the JSON report); the summary is the Markdown plan (or drift, or checks) of
 * {@code report.DeployReports}; the exit code is the outcome's (ARCHITECTURE 3: 1 refused or drift, 3 a store failed).
 * The service hands every secret it resolves to the run's {@link RunnerMasks} before printing anything.
 */
final class DeployStep implements ActionStep {

    private final RunnerContext runner;
    private final DeployService service;
    private final UnaryOperator<String> masker;
    private final Supplier<Workspace> workspace;

    /** @param workspace the configuration directory the run opened for its masker */
    DeployStep(RunnerContext runner, DeployService service, UnaryOperator<String> masker, Supplier<Workspace> workspace) {
        this.runner = runner;
        this.service = service;
        this.masker = masker;
        this.workspace = workspace;
    }

    @Override
    public StepResult run(ActionInputs inputs) {
        return switch (inputs.command()) {
            case DEPLOY -> deploy(inputs);
            case DRIFT -> drift(inputs);
            default -> testStores(inputs);
        };
    }

    private StepResult deploy(ActionInputs inputs) {
        DeployRequest request = DeployRequest.of(environment(inputs)).withTargets(inputs.targets())
                .withRevision(inputs.commitHash()).withDeploymentId(inputs.deploymentId()).withDryRun(inputs.dryRun());
        DeployOutcome outcome = service.deploy(workspace.get(), request);
        var d = outcome.deployment();
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("deployment_id", d.id());
        outputs.put("changed_keys", String.join("\n", DeployReports.changedKeys(d)));
        outputs.put("report", report("deploy.json", DeployReports.json(DeployReports.structure(d))));
        return result(outcome.exitCode(), DeployReports.text(d), outputs, DeployReports.markdown(d),
                "deploy of " + d.environment() + ": " + d.status().word());
    }

    private StepResult drift(ActionInputs inputs) {
        DriftOutcome outcome = service.drift(workspace.get(), DeployRequest.of(environment(inputs))
                .withTargets(inputs.targets()).withRevision(inputs.commitHash()));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("deployment_id", inputs.deploymentId().orElse(""));
        outputs.put("changed_keys", String.join("\n", DeployReports.changedKeys(outcome.drift())));
        outputs.put("report", report("drift.json", DeployReports.json(DeployReports.structure(outcome.drift()))));
        return result(outcome.exitCode(), DeployReports.text(outcome.drift()), outputs,
                DeployReports.markdown(outcome.drift()), "drift: a target's live content differs from its last deploy");
    }

    private StepResult testStores(ActionInputs inputs) {
        TestStoresOutcome outcome = service.testStores(workspace.get(), inputs.environments());
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("deployment_id", inputs.deploymentId().orElse(""));
        outputs.put("report", report("test-stores.json", DeployReports.json(DeployReports.structure(outcome.checks()))));
        return result(outcome.exitCode(), DeployReports.text(outcome.checks()), outputs,
                DeployReports.markdown(outcome.checks()), "a target failed its check");
    }

    private String report(String name, String json) {
        Path file = ActionStep.reportFile(runner, name);
        ReportFiles.writeText(masker.apply(json), file);
        return runner.relative(file);
    }

    private static StepResult result(int exitCode, String log, Map<String, String> outputs, String summary,
                                     String failure) {
        return new StepResult(exitCode, log, "", outputs, summary,
                exitCode == 0 ? Optional.empty() : Optional.of(failure + " (exit " + exitCode + ")"));
    }

    /** The one environment a deploy, drift or monitor works on. */
    static String environment(ActionInputs inputs) {
        if (inputs.environments().size() != 1) {
            throw ConfigCicdException.badInput("input environment: " + inputs.command().word() + " takes exactly one"
                    + " environment, got " + (inputs.environments().isEmpty() ? "none" : inputs.environments()),
                    "set environment to the environment to " + inputs.command().word() + ", for example production");
        }
        return inputs.environments().get(0);
    }
}
