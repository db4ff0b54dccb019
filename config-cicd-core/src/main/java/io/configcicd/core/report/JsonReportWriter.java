package io.configcicd.core.report;

import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine format of the tool itself:
 * {@code {tool, version, command, environments, summary{critical,error,warning,info}, findings[...]}}.
 * Each finding has {@code rule, severity, environment, path, file, line, column, message} and, when a rule
 * offers one, {@code fix{path, description}}. {@code file} is relative to the repository root.
 */
final class JsonReportWriter implements ReportWriter {

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode root = ReportSupport.json().createObjectNode();
        root.put("tool", report.tool());
        root.put("version", report.version());
        root.put("command", report.command());
        ArrayNode environments = root.putArray("environments");
        report.environments().forEach(environments::add);
        ObjectNode summary = root.putObject("summary");
        Map<Severity, Integer> counts = report.counts();
        for (Severity s : new Severity[] {Severity.CRITICAL, Severity.ERROR, Severity.WARNING, Severity.INFO}) {
            summary.put(s.word(), counts.get(s));
        }
        summary.put("total", report.findings().size());
        if (report.highest().isPresent()) {
            summary.put("highest", report.highest().get().word());
        } else {
            summary.putNull("highest");
        }
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> finding(report, f, findings.addObject()));
        ReportSupport.writeJson(root, out);
    }

    private static void finding(Report report, Finding f, ObjectNode node) {
        node.put("rule", f.ruleId());
        node.put("severity", f.severity().word());
        node.put("environment", f.environment());
        f.environments().forEach(node.putArray("environments")::add);
        node.put("path", f.path().toString());
        node.put("file", report.repositoryPath(f.origin()));
        node.put("line", f.origin().line());
        node.put("column", f.origin().column());
        node.put("message", f.message());
        f.fix().ifPresent(fix -> {
            ObjectNode n = node.putObject("fix");
            n.put("path", fix.path().toString());
            n.put("description", fix.description());
        });
    }
}
