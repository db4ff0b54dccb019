package io.configcicd.core.report;

import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitLab Code Quality ({@code artifacts:reports:codequality}): a JSON array of
 * {@code {description, check_name, fingerprint, severity, location{path, lines{begin}}}}. The fingerprint is an
 * MD5 of rule, environment, configuration path and file, so it survives moved lines; findings that would share
 * one get an occurrence number mixed in, keeping fingerprints unique within the report.
 */
final class GitlabCodeQualityWriter implements ReportWriter {

    @Override
    public ReportFormat format() {
        return ReportFormat.GITLAB;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ArrayNode issues = ReportSupport.json().createArrayNode();
        Set<String> seen = new HashSet<>();
        for (Finding f : report.findings()) {
            String file = report.repositoryPath(f.origin());
            String path = file.isEmpty() ? report.configurationDirectory() : file;
            ObjectNode issue = issues.addObject();
            issue.put("type", "issue");
            String env = f.environment().isEmpty() ? "" : "[" + f.environment() + "] ";
            issue.put("description", env + ReportSupport.messageWithFix(f));
            issue.put("check_name", f.ruleId());
            issue.put("fingerprint", fingerprint(f, path, seen));
            issue.put("severity", severity(f.severity()));
            ObjectNode location = issue.putObject("location");
            location.put("path", path);
            location.putObject("lines").put("begin", Math.max(1, f.origin().line()));
        }
        ReportSupport.writeJson(issues, out);
    }

    private static String fingerprint(Finding f, String path, Set<String> seen) {
        String base = ReportSupport.hash("MD5", f.ruleId(), f.environment(), f.path().toString(), path);
        String fingerprint = base;
        for (int occurrence = 2; !seen.add(fingerprint); occurrence++) {
            fingerprint = ReportSupport.hash("MD5", base, String.valueOf(occurrence));
        }
        return fingerprint;
    }

    /** CRITICAL is "critical", ERROR "major", WARNING "minor", INFO "info". */
    static String severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "critical";
            case ERROR -> "major";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }
}
