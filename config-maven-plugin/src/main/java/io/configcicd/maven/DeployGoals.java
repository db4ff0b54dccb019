package io.configcicd.maven;

import io.configcicd.core.ErrorKind;
import io.configcicd.core.report.LogLine;
import io.configcicd.core.report.ReportFiles;
import java.nio.file.Path;
import java.util.List;
import io.configcicd.core.report.DeployReports;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What {@code config:deploy}, {@code config:drift} and {@code config:test-stores} share after their one service call:
 * the outcome's text as log lines (a refusal, a failed or restored target and drift stand out as errors), the reports
 * {@code <name>.json} and {@code <name>.md} under {@code target/config-cicd/}, and the failure mapped by
 * {@link MojoFailures} (a refusal or drift fails the build, a store that failed is an execution error).
 */
final class DeployGoals {

    private DeployGoals() {
    }

    /** The one environment of {@code config.environment} a deploy or drift works on. */
    static String environment(List<String> environments, String goal) throws MojoFailureException {
        if (environments.size() != 1) {
            throw new MojoFailureException("config:" + goal + " takes exactly one environment in <environment>"
                    + " (config.environment), got " + (environments.isEmpty() ? "none" : environments)
                    + "; for example -Dconfig.environment=production");
        }
        return environments.get(0);
    }

    /**
     * Logs the outcome, writes the reports, and fails the build when the outcome failed.
     *
     * @param name     the reports' base name ({@code deploy}, {@code drift}, {@code test-stores})
     * @param masker   masks every line and report (the workspace's secrets and those the run resolved)
     * @param failure  what the outcome says went wrong; {@code headline} says it in words
     */
    static void finish(Log log, MojoDirectories dirs, String name, UnaryOperator<String> masker, String text,
                       Map<String, Object> structure, String markdown, Optional<ErrorKind> failure, String headline)
            throws MojoExecutionException, MojoFailureException {
        MaskingLog.write(log, text.lines().map(DeployGoals::line).toList());
        Path reports = dirs.reports();
        ReportFiles.writeText(masker.apply(DeployReports.json(structure)),
                reports.resolve(name + ".json"));
        ReportFiles.writeText(masker.apply(markdown), reports.resolve(name + ".md"));
        log.info("config-cicd: reports in " + dirs.display(reports));
        if (failure.isPresent()) {
            MojoFailures.fail(failure.get(), masker.apply("config-cicd " + name + ": " + headline), null);
        }
    }

    /** A line of the outcome's text: refusals, failures and drift as errors, the rest as information. */
    static LogLine line(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        boolean bad = t.startsWith("refused by") || t.startsWith("finding:") || t.contains(": failed")
                || t.contains("restore failed") || t.startsWith("drift:") || t.contains(": drifted")
                || text.contains(": RESTORED");
        return bad ? new LogLine(LogLine.Level.ERROR, text) : LogLine.info(text);
    }
}
