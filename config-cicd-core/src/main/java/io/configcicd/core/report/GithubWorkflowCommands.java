package io.configcicd.core.report;

import io.configcicd.core.validate.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text of GitHub Actions workflow commands ({@code ::name key=value::message}) that the runner turns into
 * annotations and masks, escaped as the runner expects so that a message can never start a command of its own. The
 * {@code github} report format and the action both write them through here.
 */
public final class GithubWorkflowCommands {

    private GithubWorkflowCommands() {
    }

    /**
     * An annotation: {@code ::error file=F,line=L,col=C,title=T::message}; the location is left out when the file is
     * empty, the line and column when they are 0.
     */
    public static String annotation(String level, String file, int line, int column, String title, String message) {
        StringBuilder sb = new StringBuilder("::").append(level).append(' ');
        if (!file.isEmpty()) {
            sb.append("file=").append(escapeProperty(file)).append(',');
            if (line > 0) {
                sb.append("line=").append(line).append(',');
                if (column > 0) {
                    sb.append("col=").append(column).append(',');
                }
            }
        }
        sb.append("title=").append(escapeProperty(title));
        return sb.append("::").append(escapeData(message)).toString();
    }

    /** The message after {@code ::}: % as %25, CR as %0D, LF as %0A. */
    public static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as data, and also : as %3A and , as %2C. */
    public static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * The annotations of a report's findings ({@code ::error file=...::...} lines), at most {@code max} chosen most
     * serious first, then one notice that says how many more there are and where ({@code where}) they all are.
     */
    public static String annotations(Report report, int max, String where) {
        List<Finding> ordered = new ArrayList<>(report.findings());
        ordered.sort(Comparator.comparing(Finding::severity).reversed());
        List<Finding> shown = ordered.subList(0, Math.min(ordered.size(), max));
        String text = ReportWriters.of(ReportFormat.GITHUB, false).render(new Report(report.tool(), report.version(),
                report.command(), report.pathPrefix(), report.environments(), shown));
        if (ordered.size() > max) {
            text += annotation("notice", "", 0, 0, "config-cicd", (ordered.size() - max)
                    + " more not annotated; all are in " + where) + "\n";
        }
        return text;
    }
}
