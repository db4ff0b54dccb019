package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.MonitorOutcome;
import io.configcicd.core.api.MonitorRequest;
import io.configcicd.core.api.MonitorService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.event.Cancellation;
import io.configcicd.core.report.DeployReports;
import io.configcicd.core.report.MonitorReports;
import io.configcicd.core.report.ReportFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code command: monitor}: one {@link MonitorService} call that watches deployment {@code deployment_id} of the one
 * {@code environment} for {@code duration}, each round a workflow-command group ({@link ActionProgress}), and rolls it
 * back when it fails. Outputs {@code deployment_id} and {@code report} (the JSON report); the summary is the monitor
 * report's Markdown; the exit code is the outcome's, as the CLI's (0 healthy or superseded, 1 failed: rolled back,
 * rollback refused or nothing to roll back, 3 interrupted or the rollback failed). The service hands every secret it
 * resolves (a probe header's {@code ${HEALTH_TOKEN}}) to the run's {@link RunnerMasks} before it prints anything;
 * {@code cancel} is fired by the shutdown hook of a cancelled job (SIGTERM): the run stops at once, without rollback.
 */
final class MonitorStep implements ActionStep {

    private final RunnerContext runner;
    private final MonitorService service;
    private final UnaryOperator<String> masker;
    private final Supplier<Workspace> workspace;
    private final Cancellation cancel;

    /** @param workspace the configuration directory the run opened (its events go to the step's log) */
    MonitorStep(RunnerContext runner, MonitorService service, UnaryOperator<String> masker,
                Supplier<Workspace> workspace, Cancellation cancel) {
        this.runner = runner;
        this.service = service;
        this.masker = masker;
        this.workspace = workspace;
        this.cancel = cancel;
    }

    @Override
    public StepResult run(ActionInputs inputs) {
        String environment = DeployStep.environment(inputs);
        String id = inputs.deploymentId().orElseThrow(() -> ConfigCicdException.badInput("input deployment_id: "
                + "monitor needs the id of the deployment to watch", "set deployment_id to the deploy step's "
                + "deployment_id output (it defaults to github.run_id, which GITHUB_RUN_ID did not give)"));
        Duration duration = inputs.duration().orElseThrow(() -> ConfigCicdException.badInput("input duration: "
                + "monitor needs how long to watch the deployment", "set duration, for example 300 (seconds) or 5m"));
        MonitorOutcome outcome = service.monitor(workspace.get(),
                MonitorRequest.of(environment, id, duration).withCancellation(cancel));
        var r = outcome.result();
        UnaryOperator<String> mask = text -> masker.apply(outcome.masker().mask(text));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("deployment_id", r.deploymentId());
        outputs.put("report", report(DeployReports.json(MonitorReports.structure(r)), mask));
        int exit = outcome.exitCode();
        return new StepResult(exit, mask.apply(MonitorReports.text(r)), "", outputs,
                mask.apply(MonitorReports.markdown(r)), exit == 0 ? Optional.empty()
                : Optional.of(mask.apply("monitor of " + r.environment() + ": " + r.status().word() + ": "
                        + r.reason() + MonitorReports.next(r).map(n -> "; " + n).orElse("")
                        + " (exit " + exit + ")")));
    }

    private String report(String json, UnaryOperator<String> mask) {
        Path file = ActionStep.reportFile(runner, "monitor.json");
        ReportFiles.writeText(mask.apply(json), file);
        return runner.relative(file);
    }
}
