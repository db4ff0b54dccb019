package io.configcicd.core.report;

import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The human format: findings grouped by file, one line each ({@code  12:5  error  message  [rule-id]}), the fix
 * below it, and a summary line. ANSI colours mark severities only when the writer is made for a terminal.
 * Control characters in messages are shown escaped so a message cannot move the cursor or change colours.
 */
final class TextReportWriter implements ReportWriter {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String INDENT = "  ";
    private static final String NO_FILE = "(no file)";

    private final boolean colour;

    TextReportWriter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.TEXT;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        boolean showEnvironment = report.allEnvironments().size() > 1;
        for (Map.Entry<String, List<Finding>> group : report.findingsByFile().entrySet()) {
            String file = group.getKey().isEmpty() ? NO_FILE : clean(group.getKey());
            out.write(paint(BOLD, file));
            out.write('\n');
            writeGroup(group.getValue(), showEnvironment, out);
            out.write('\n');
        }
        out.write(summary(report));
        out.write('\n');
        out.flush();
    }

    private void writeGroup(List<Finding> findings, boolean showEnvironment, Writer out) throws IOException {
        List<String> locations = new ArrayList<>();
        int locationWidth = 0;
        for (Finding f : findings) {
            String location = location(f);
            locations.add(location);
            locationWidth = Math.max(locationWidth, location.length());
        }
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            StringBuilder line = new StringBuilder(INDENT)
                    .append(pad(locations.get(i), locationWidth)).append(INDENT)
                    .append(paint(code(f.severity()), pad(f.severity().word(), 8))).append(INDENT)
                    .append(multiline(f.message(), INDENT + INDENT)).append(INDENT)
                    .append('[').append(clean(f.ruleId())).append(']');
            if (showEnvironment && !f.environment().isEmpty()) {
                line.append(INDENT).append('(').append(clean(f.environment())).append(')');
            }
            out.write(line.append('\n').toString());
            if (f.fix().isPresent()) {
                out.write(INDENT + INDENT + "fix: " + multiline(f.fix().get().description(), INDENT + INDENT) + '\n');
            }
        }
    }

    /** {@code 2 errors, 1 warning, 0 critical, 1 info in 3 files in 2 environments}. */
    static String summary(Report report) {
        int environments = report.allEnvironments().size();
        String where = " in " + plural(environments, "environment", "environments");
        if (report.findings().isEmpty()) {
            return "no findings" + where;
        }
        Map<Severity, Integer> counts = report.counts();
        return counts.get(Severity.CRITICAL) + " critical, "
                + plural(counts.get(Severity.ERROR), "error", "errors") + ", "
                + plural(counts.get(Severity.WARNING), "warning", "warnings") + ", "
                + counts.get(Severity.INFO) + " info in "
                + plural(report.findingsByFile().size(), "file", "files") + where;
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String location(Finding f) {
        int line = f.origin().line();
        int column = f.origin().column();
        if (line <= 0) {
            return "-";
        }
        return column > 0 ? line + ":" + column : String.valueOf(line);
    }

    private static String code(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "\u001B[1;31m";
            case ERROR -> "\u001B[31m";
            case WARNING -> "\u001B[33m";
            case INFO -> "\u001B[36m";
        };
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Keeps line breaks (continuation lines indented), escapes every other control character. */
    private static String multiline(String text, String indent) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder sb = new StringBuilder(clean(lines[0]));
        for (int i = 1; i < lines.length; i++) {
            sb.append('\n').append(indent).append(indent).append(clean(lines[i]));
        }
        return sb.toString();
    }

    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
