package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.api.AssessRequest;
import io.configcicd.core.api.AssessmentService;
import io.configcicd.core.model.Threshold;
import io.configcicd.core.report.AssessmentReports;
import io.configcicd.core.report.ReportFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assess --environment E [--commit-hash REV] [--base REV] [--fail-on LEVEL]}: the effective changes from base
 * (default: the first parent of REV) to REV (default: HEAD), each rated LOW to CRITICAL with its reasons, the
 * findings the change introduces, the code that reads the changed keys, and the tests to run. Written in
 * {@code --format} (text, json, markdown, junit, sarif, gitlab, github) and to every {@code --report FORMAT=FILE};
 * exit 1 when the risk is at or above --fail-on.
 */
@Command(name = "assess", sortOptions = false, description = "Rate the effective configuration changes of a commit "
        + "(LOW, MEDIUM, HIGH, CRITICAL) with their reasons, the validation findings the change introduces, the code "
        + "that reads the changed keys, and the tests to run.")
final class AssessCommand implements Callable<Integer> {

    @ParentCommand
    private ConfigCicdCli cli;

    @Option(names = "--environment", paramLabel = "ENV", description = "The environment (repeatable).")
    private List<String> environments = new ArrayList<>();

    @Option(names = "--all-environments", description = "Assess every environment that exists at the head commit.")
    private boolean all;

    @Option(names = "--commit-hash", paramLabel = "REV", defaultValue = "HEAD", description = "The head commit (default HEAD).")
    private String head;

    @Option(names = "--base", paramLabel = "REV", description = "The base commit (default: the first parent of the head).")
    private String base;

    @Option(names = "--deployment-id", paramLabel = "ID", description = "Carried into the output, for the deploy that follows.")
    private String deploymentId;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 when the risk is at or above LEVEL: "
            + "low, medium, high or critical.")
    private String failOn;

    @Option(names = "--report", paramLabel = "FORMAT=FILE", description = "Also write the assessment in FORMAT "
            + "(text, json, markdown, junit, sarif, gitlab, github) to FILE; repeatable.")
    private List<String> reports = new ArrayList<>();

    @Override
    public Integer call() {
        CommonOptions options = cli.options();
        ReportFormat format = ReportOutput.format(options.formatName(), "--format");
        Map<ReportFormat, Path> destinations = ReportOutput.destinations(reports);
        if (environments.isEmpty() == !all) {
            throw ConfigCicdException.badInput(all ? "--all-environments and --environment both given"
                    : "no environment given", "pass --environment ENV (repeatable) or --all-environments");
        }
        cli.useDirectory(options.configDir());
        AssessOutcome outcome;
        ExecutorService pool = Executors.newCachedThreadPool(AssessCommand::daemon);
        try {
            outcome = assess(options, pool);
        } finally {
            pool.shutdown();
        }
        destinations.forEach((f, file) -> AssessmentReports.write(outcome, f, file, cli.masker()));
        ReportOutput.write(AssessmentReports.render(outcome, format, ReportOutput.colour(options.output())), options.output(),
                cli.out());
        return outcome.failed() ? ErrorReporter.FINDINGS : ErrorReporter.OK;
    }

    /**
     * The assessment, with the masker of the work tree in place for the output. The masker reads every document of
     * the work tree; it is only needed when the output is written, so it is built on another core (of this command's
     * pool) while the two revisions are read and assessed, the base on a third.
     */
    private AssessOutcome assess(CommonOptions options, ExecutorService pool) {
        AssessRequest request = AssessRequest.of(options.configDir()).withEnvironments(environments).withHead(head)
                .withBase(Optional.ofNullable(base)).withDeploymentId(Optional.ofNullable(deploymentId))
                .withFailOn(Optional.ofNullable(failOn).map(AssessCommand::threshold));
        CompletableFuture<Void> masking = CompletableFuture.runAsync(() -> {
            try (Workspace workspace = Workspace.open(options.configDir(), cli.env(), ParseThreads.pool())) {
                cli.maskWith(workspace.masker());
            }
        }, pool);
        AssessOutcome outcome;
        try {
            outcome = new AssessmentService(ConfigCicdCli.toolVersion(), Clock.systemDefaultZone(), cli.env(), pool)
                    .assess(request);
        } catch (RuntimeException e) {
            masking.exceptionally(ignored -> null).join(); // the error is printed through the masker
            throw e;
        }
        try {
            masking.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        return outcome;
    }

    private static Thread daemon(Runnable task) {
        Thread t = new Thread(task, "config-cicd-assess");
        t.setDaemon(true);
        return t;
    }

    /** {@code --fail-on} of assess: a risk level. */
    private static Threshold threshold(String text) {
        try {
            return Threshold.parseRiskLevel(text);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("--fail-on: " + e.getMessage(), "use low, medium, high or critical");
        }
    }
}
