package io.configcicd.core.report;

import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validation for a build log: findings the way compilers print diagnostics, {@code path/to/file.yaml:12:5:
 * [rule-id] message (environment)}, with the path relative to the repository root, at the level of their severity;
 * the fixes written; a one-line summary; and the message of a failed build. Only the core's (masked) messages and
 * locations are printed: never a configuration value.
 */
public final class ValidationLines {

    /** How many findings a failure message lists before it refers to the log and the reports. */
    public static final int MAX_IN_FAILURE = 20;

    private ValidationLines() {
    }

    /** One finding as a compiler-style line. */
    public static String line(Report report, Finding finding) {
        Origin origin = finding.origin();
        String where = origin.isKnown() ? report.repositoryPath(origin) : report.configurationDirectory();
        if (origin.isKnown() && origin.line() > 0) {
            where += ":" + origin.line() + (origin.column() > 0 ? ":" + origin.column() : "");
        }
        String env = finding.environment().isEmpty() ? "" : " (" + finding.environment() + ")";
        return where + ": [" + finding.ruleId() + "] " + finding.message() + env;
    }

    /** Every finding at the level of its severity: error for ERROR and CRITICAL, warn, info. */
    public static List<LogLine> findings(Report report) {
        List<LogLine> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            LogLine.Level level = switch (f.severity()) {
                case CRITICAL, ERROR -> LogLine.Level.ERROR;
                case WARNING -> LogLine.Level.WARN;
                default -> LogLine.Level.INFO;
            };
            out.add(new LogLine(level, line(report, f)));
        }
        return List.copyOf(out);
    }

    /** The fixes that were written, at info: file, rule and key path (the core's description, already masked). */
    public static List<LogLine> fixes(Report report, List<AppliedFix> fixes) {
        return fixes.stream().map(fix -> LogLine.info("fixed " + report.repositoryPath(Origin.file(fix.file())) + ": ["
                + fix.ruleId() + "] " + fix.path() + " (" + fix.description() + ")")).toList();
    }

    /** The one-line summary: environments, counts per severity, waived findings, fixes, threshold. */
    public static String summary(Report report, int waived, int fixed, Severity failOn) {
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
        if (waived > 0) {
            sb.append(", ").append(waived).append(" waived");
        }
        if (fixed > 0) {
            sb.append(", ").append(fixed).append(" fixed");
        }
        sb.append("; fails on ").append(failOn.word()).append(" and above");
        return sb.toString();
    }

    /** The message of the build failure: how many findings failed it, and the first of them. */
    public static String failure(Report report, Severity failOn) {
        List<Finding> failing = report.findings().stream().filter(f -> f.severity().atLeast(failOn)).toList();
        StringBuilder sb = new StringBuilder("configuration validation failed: ")
                .append(failing.size()).append(failing.size() == 1 ? " finding" : " findings")
                .append(" at or above ").append(failOn.name().toLowerCase(Locale.ROOT));
        failing.stream().limit(MAX_IN_FAILURE).forEach(f -> sb.append(System.lineSeparator())
                .append("  ").append(line(report, f)));
        if (failing.size() > MAX_IN_FAILURE) {
            sb.append(System.lineSeparator()).append("  ... and ").append(failing.size() - MAX_IN_FAILURE)
                    .append(" more (see the log above and the reports)");
        }
        return sb.toString();
    }
}
