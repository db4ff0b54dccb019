package io.configcicd.maven;

import io.configcicd.core.api.ValidateOutcome;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.report.Report;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.Finding;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * Renders findings the way compilers print diagnostics, {@code path/to/file.yaml:12:5: [rule-id] message
 * (environment)}, with the path relative to the repository root, and sends them to Maven's log. Only the core's
 * (masked) messages and locations are printed: never a configuration value.
 */
final class FindingLines {

    /** How many findings a failure message lists before it refers to the log and the reports. */
    static final int MAX_IN_FAILURE = 20;

    private FindingLines() {
    }

    /** One finding as a compiler-style line. */
    static String line(Report report, Finding finding) {
        Origin origin = finding.origin();
        String where = origin.isKnown() ? report.repositoryPath(origin) : report.configurationDirectory();
        if (origin.isKnown() && origin.line() > 0) {
            where += ":" + origin.line() + (origin.column() > 0 ? ":" + origin.column() : "");
        }
        String env = finding.environment().isEmpty() ? "" : " (" + finding.environment() + ")";
        return where + ": [" + finding.ruleId() + "] " + finding.message() + env;
    }

    /** Logs every finding at the level of its severity: error for ERROR and CRITICAL, warn, info. */
    static void log(Log log, Report report) {
        for (Finding f : report.findings()) {
            String text = line(report, f);
            switch (f.severity()) {
                case CRITICAL, ERROR -> log.error(text);
                case WARNING -> log.warn(text);
                default -> log.info(text);
            }
        }
    }

    /** Logs the fixes that were written: file, rule and key path (the core's description, already masked). */
    static void logFixes(Log log, Report report, List<AppliedFix> fixes) {
        for (AppliedFix fix : fixes) {
            String file = report.repositoryPath(Origin.file(fix.file()));
            log.info("fixed " + file + ": [" + fix.ruleId() + "] " + fix.path() + " (" + fix.description() + ")");
        }
    }

    /** The one-line summary: environments, counts per severity, waived findings, fixes, threshold. */
    static String summary(ValidateOutcome outcome) {
        Report report = outcome.report();
        StringBuilder sb = new StringBuilder("config-cicd validate: ");
        List<String> envs = report.environments();
        sb.append(envs.size()).append(envs.size() == 1 ? " environment" : " environments");
        if (!envs.isEmpty()) {
            sb.append(" (").append(String.join(", ", envs)).append(')');
        }
        sb.append(", ");
        Severity[] order = {Severity.CRITICAL, Severity.ERROR, Severity.WARNING, Severity.INFO};
        for (int i = 0; i < order.length; i++) {
            int n = report.count(order[i]);
            boolean plural = n != 1 && (order[i] == Severity.ERROR || order[i] == Severity.WARNING);
            sb.append(i == 0 ? "" : ", ").append(n).append(' ').append(order[i].word()).append(plural ? "s" : "");
        }
        if (!outcome.waived().isEmpty()) {
            sb.append(", ").append(outcome.waived().size()).append(" waived");
        }
        if (!outcome.fixes().isEmpty()) {
            sb.append(", ").append(outcome.fixes().size()).append(" fixed");
        }
        sb.append("; fails on ").append(outcome.failOn().word()).append(" and above");
        return sb.toString();
    }

    /** The message of the build failure: how many findings failed it, and the first of them. */
    static String failure(ValidateOutcome outcome) {
        Report report = outcome.report();
        List<Finding> failing = report.findings().stream()
                .filter(f -> f.severity().atLeast(outcome.failOn()))
                .toList();
        StringBuilder sb = new StringBuilder("configuration validation failed: ")
                .append(failing.size()).append(failing.size() == 1 ? " finding" : " findings")
                .append(" at or above ").append(outcome.failOn().name().toLowerCase(Locale.ROOT));
        failing.stream().limit(MAX_IN_FAILURE).forEach(f -> sb.append(System.lineSeparator())
                .append("  ").append(line(report, f)));
        if (failing.size() > MAX_IN_FAILURE) {
            sb.append(System.lineSeparator()).append("  ... and ").append(failing.size() - MAX_IN_FAILURE)
                    .append(" more (see the log above and the reports)");
        }
        return sb.toString();
    }
}
