package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.ValidateOutcome;
import io.configcicd.core.api.ValidateRequest;
import io.configcicd.core.api.ValidationService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Threshold;
import io.configcicd.core.report.Report;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import io.configcicd.core.report.ReportWriters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code command: validate}: the effective configuration of the environments asked for (all when none), from the
 * checkout, or from the {@code commit_hash} input's commit when one is given. Findings are annotated at their
 * file:line, summarised as a Markdown table, and written to the JSON report that the {@code report} output names;
 * {@code deployment_id} is passed on. The step fails when a finding is at or above {@code fail_on} (default: the
 * settings' {@code validation.fail_on}, else error).
 */
final class ValidateStep implements ActionStep {

    private final RunnerContext runner;
    private final ValidationService service;
    private final UnaryOperator<String> masker;
    private final Optional<Workspace> workspace;

    /** @param workspace the configuration directory the run opened for its masker, validated without parsing it again */
    ValidateStep(RunnerContext runner, ValidationService service, UnaryOperator<String> masker,
                 Optional<Workspace> workspace) {
        this.runner = runner;
        this.service = service;
        this.masker = masker;
        this.workspace = workspace;
    }

    @Override
    public StepResult run(ActionInputs inputs) {
        ValidateRequest request = ValidateRequest.of(inputs.configDir()).withEnvironments(inputs.environments())
                .withRevision(inputs.commitHash()).withFailOn(inputs.failOn().map(ValidateStep::threshold));
        ValidateOutcome outcome = workspace.map(w -> service.validate(w, request))
                .orElseGet(() -> service.validate(request));
        Report report = outcome.report();
        Path file = ActionStep.reportFile(runner, ReportFormat.JSON.fileName());
        ReportFiles.writeText(masker.apply(render(report, ReportFormat.JSON)), file);

        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("deployment_id", inputs.deploymentId().orElse(""));
        outputs.put("report", runner.relative(file));
        long failing = report.findings().stream().filter(f -> f.severity().atLeast(outcome.failOn())).count();
        Optional<String> failure = outcome.failed()
                ? Optional.of(failing + " finding(s) at or above " + outcome.failOn().word())
                : Optional.empty();
        return new StepResult(outcome.failed() ? 1 : 0, render(report, ReportFormat.TEXT),
                WorkflowCommands.annotations(report, "the summary and the report"), outputs,
                render(report, ReportFormat.MARKDOWN), failure);
    }

    private static String render(Report report, ReportFormat format) {
        return ReportWriters.of(format, false).render(report);
    }

    private static Threshold threshold(String text) {
        try {
            return Threshold.parseSeverity(text);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("input fail_on: " + e.getMessage(),
                    "validate fails on a severity: info, warning, error or critical");
        }
    }
}
