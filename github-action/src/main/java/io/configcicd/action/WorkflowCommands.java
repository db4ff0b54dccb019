package io.configcicd.action;

import io.configcicd.core.report.GithubWorkflowCommands;
import io.configcicd.core.report.Report;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::name key=value::message}) printed to the step's log, which the runner
 * turns into masks and annotations. Messages and property values are escaped as the runner expects.
 */
final class WorkflowCommands {

    /** The most annotations a step prints. */
    static final int MAX_ANNOTATIONS = 50;

    private WorkflowCommands() {
    }

    /**
     * {@code ::add-mask::} for every line of every secret, before anything else is printed: from then on the runner
     * replaces these values by {@code ***} in the log of every later step too. These lines are the only place the
     * action prints a secret, which is how GitHub masking works (the runner hides the command lines themselves).
     */
    static void addMasks(List<String> secrets, PrintStream out) {
        for (String line : maskLines(secrets)) {
            out.println("::add-mask::" + GithubWorkflowCommands.escapeData(line));
        }
        out.flush();
    }

    /** The lines to mask: each non-blank line of each secret, since the runner masks the log line by line. */
    static List<String> maskLines(List<String> secrets) {
        List<String> lines = new ArrayList<>();
        for (String secret : secrets) {
            for (String line : secret.split("\\r?\\n|\\r")) {
                if (!line.isBlank() && !lines.contains(line)) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /**
     * An annotation: {@code ::error file=F,line=L,col=C,title=T::message}; the location is left out when the file is
     * empty, the line and column when they are 0.
     */
    static String annotation(String level, String file, int line, int column, String title, String message) {
        return GithubWorkflowCommands.annotation(level, file, line, column, title, message);
    }

    /**
     * The annotations of a report's findings, at most {@value #MAX_ANNOTATIONS} chosen most serious first (GitHub
     * shows no more than that per step, and thousands of lines would bury the log), then one notice that says how
     * many more there are and where they all are.
     */
    static String annotations(Report report, String where) {
        return GithubWorkflowCommands.annotations(report, MAX_ANNOTATIONS, where);
    }

    /** An annotation without a location. */
    static String annotation(String level, String title, String message) {
        return annotation(level, "", 0, 0, title, message);
    }

    /**
     * Text for the log that no line of can start a workflow command: the runner reads any line that starts with
     * {@code ::} after its leading blanks as one ({@code ::add-mask::}, {@code ::stop-commands::}), so such a line (a
     * probe's answer, say) is printed behind {@code "> "}.
     */
    static String plain(String text) {
        String[] lines = text.split("\\r?\\n|\\r", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(i == 0 ? "" : "\n").append(startsCommand(lines[i]) ? "> " + lines[i] : lines[i]);
        }
        return sb.toString();
    }

    /** Whether the runner would read the line as a command: {@code ::} after any blanks (Unicode ones too). */
    private static boolean startsCommand(String line) {
        int i = 0;
        while (i < line.length() && (Character.isWhitespace(line.charAt(i)) || Character.isSpaceChar(line.charAt(i)))) {
            i++;
        }
        return line.startsWith("::", i);
    }
}
