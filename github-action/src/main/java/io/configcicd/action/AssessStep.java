package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.api.AssessRequest;
import io.configcicd.core.api.AssessmentService;
import io.configcicd.core.model.Threshold;
import io.configcicd.core.report.AssessmentReports;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code command: assess}: rates the effective changes from the base (the {@code base} input, else what the event
 * gives: {@link EventBase}) to the head ({@code commit_hash}, else {@code GITHUB_SHA}, else {@code HEAD}). Outputs
 * {@code risk_level}, {@code changed_keys} (one per line), {@code deployment_id} and {@code report} (the JSON
 * report); the summary is the Markdown table of changes and risks; each change is annotated at its file:line.
 */
final class AssessStep implements ActionStep {

    private final RunnerContext runner;
    private final AssessmentService service;
    private final UnaryOperator<String> masker;

    AssessStep(RunnerContext runner, AssessmentService service, UnaryOperator<String> masker) {
        this.runner = runner;
        this.service = service;
        this.masker = masker;
    }

    @Override
    public StepResult run(ActionInputs inputs) {
        Optional<Threshold> failOn = inputs.failOn().map(AssessStep::threshold);
        EventBase base = inputs.base().map(b -> new EventBase(Optional.of(b), "base input"))
                .orElseGet(() -> EventBase.of(runner));
        String head = inputs.commitHash().or(runner::sha).orElse("HEAD");
        AssessRequest request = AssessRequest.of(inputs.configDir()).withEnvironments(inputs.environments())
                .withHead(head).withBase(base.revision()).withDeploymentId(inputs.deploymentId()).withFailOn(failOn);
        AssessOutcome outcome = service.assess(request);
        Path report = ActionStep.reportFile(runner, AssessmentReports.fileName(ReportFormat.JSON));
        ReportFiles.writeText(masker.apply(AssessmentReports.render(outcome, ReportFormat.JSON, false)), report);

        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("risk_level", outcome.riskLevel().name());
        outputs.put("changed_keys", String.join("\n", outcome.changedKeys()));
        outputs.put("deployment_id", outcome.deploymentId().orElse(""));
        outputs.put("report", runner.relative(report));
        String log = "config-cicd assess: " + head + " against " + request.baseRevision() + ": " + base.source()
                + "\n" + AssessmentReports.render(outcome, ReportFormat.TEXT, false);
        Optional<String> failure = outcome.failed()
                ? Optional.of("risk " + outcome.riskLevel() + " is at or above fail_on "
                        + failOn.get().riskLevel().word())
                : Optional.empty();
        return new StepResult(outcome.failed() ? 1 : 0, log,
                WorkflowCommands.annotations(AssessmentReports.asReport(outcome), "the summary and " + runner.relative(report)),
                outputs, AssessmentReports.render(outcome, ReportFormat.MARKDOWN, false), failure);
    }

    private static Threshold threshold(String text) {
        try {
            return Threshold.parseRiskLevel(text);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("input fail_on: " + e.getMessage(),
                    "assess fails on a risk level: low, medium, high or critical");
        }
    }
}
