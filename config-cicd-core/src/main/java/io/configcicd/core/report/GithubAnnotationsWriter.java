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
        StringBuilder sb = new StringBuilder("::").append(level(f.severity())).append(' ');
        String file = report.repositoryPath(f.origin());
        if (!file.isEmpty()) {
            sb.append("file=").append(escapeProperty(file)).append(',');
            if (f.origin().line() > 0) {
                sb.append("line=").append(f.origin().line()).append(',');
                if (f.origin().column() > 0) {
                    sb.append("col=").append(f.origin().column()).append(',');
                }
            }
        }
        sb.append("title=").append(escapeProperty(f.ruleId()));
        String env = f.environment().isEmpty() ? "" : f.environment() + ": ";
        return sb.append("::").append(escapeData(env + ReportSupport.messageWithFix(f))).toString();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** The message after {@code ::}: % as %25, CR as %0D, LF as %0A. */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as data, and also : as %3A and , as %2C. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
