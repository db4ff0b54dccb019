package io.configcicd.core.report;

import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validation report in GitHub-flavoured Markdown, for job summaries ({@code $GITHUB_STEP_SUMMARY}) and
 * pull-request comments: a heading with the counts, the environments checked, and a table of findings (severity,
 * file:line:column relative to the repository root, rule, environment, message and fix), the most serious first.
 */
final class MarkdownReportWriter implements ReportWriter {

    @Override
    public ReportFormat format() {
        return ReportFormat.MARKDOWN;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        Map<Severity, Integer> counts = report.counts();
        sb.append("## ").append(report.tool()).append(' ').append(report.command()).append(": ");
        if (report.findings().isEmpty()) {
            sb.append("no findings\n\n");
        } else {
            List<String> parts = new ArrayList<>();
            for (Severity s : new Severity[] {Severity.CRITICAL, Severity.ERROR, Severity.WARNING, Severity.INFO}) {
                if (counts.get(s) > 0) {
                    parts.add(counts.get(s) + " " + s.word());
                }
            }
            sb.append(report.findings().size()).append(" finding(s) (").append(String.join(", ", parts))
                    .append(")\n\n");
        }
        sb.append("Environments: ").append(String.join(", ", report.allEnvironments().stream()
                .map(Markdown::code).toList())).append("\n\n");
        if (!report.findings().isEmpty()) {
            List<Finding> ordered = new ArrayList<>(report.findings());
            ordered.sort((a, b) -> b.severity().compareTo(a.severity()));
            Markdown.header(sb, "Severity", "Location", "Rule", "Environment", "Message");
            for (Finding f : ordered.subList(0, Math.min(ordered.size(), Markdown.MAX_ROWS))) {
                Markdown.row(sb, List.of(f.severity().word().toUpperCase(java.util.Locale.ROOT),
                        Markdown.code(ReportSupport.location(report, f)), Markdown.code(f.ruleId()),
                        Markdown.cell(f.environment()), Markdown.cell(ReportSupport.messageWithFix(f))));
            }
            Markdown.more(sb, ordered.size(), "the json, SARIF and JUnit reports");
        }
        out.write(sb.toString());
        out.flush();
    }
}
