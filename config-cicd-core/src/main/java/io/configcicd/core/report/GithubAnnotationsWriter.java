package io.configcicd.core.report;

import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one per finding: {@code ::error file=F,line=L,col=C,title=RULE::message}.
 * CRITICAL and ERROR are {@code error}, WARNING {@code warning}, INFO {@code notice}. The message is prefixed
 * with the environment and followed by the fix; values are escaped as the runner expects.
 */
final class GithubAnnotationsWriter implements ReportWriter {

    @Override
    public ReportFormat format() {
        return ReportFormat.GITHUB;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding f : report.findings()) {
            out.write(command(report, f));
            out.write('\n');
        }
        out.flush();
    }

    static String command(Report report, Finding f) {
        String env = f.environment().isEmpty() ? "" : f.environment() + ": ";
        return GithubWorkflowCommands.annotation(level(f.severity()), report.repositoryPath(f.origin()),
                f.origin().line(), f.origin().column(), f.ruleId(), env + ReportSupport.messageWithFix(f));
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    static String escapeData(String text) {
        return GithubWorkflowCommands.escapeData(text);
    }

    static String escapeProperty(String text) {
        return GithubWorkflowCommands.escapeProperty(text);
    }
}
