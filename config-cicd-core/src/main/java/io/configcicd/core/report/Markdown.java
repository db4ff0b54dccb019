package io.configcicd.core.report;

import java.util.List;

/** GitHub-flavoured Markdown pieces that the Markdown writers share: tables, cells and code spans. */
final class Markdown {

    /** Rows a table shows before it says how many more there are (a job summary holds at most 1 MiB). */
    static final int MAX_ROWS = 200;

    private Markdown() {
    }

    /** A table header: {@code | a | b |} and its separator line. */
    static void header(StringBuilder out, String... columns) {
        out.append('|');
        for (String c : columns) {
            out.append(' ').append(c).append(" |");
        }
        out.append("\n|");
        out.append("---|".repeat(columns.length));
        out.append('\n');
    }

    /** A table row; each cell is escaped with {@link #cell}. */
    static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String c : cells) {
            out.append(' ').append(c).append(" |");
        }
        out.append('\n');
    }

    /** The line that says how many rows were left out, or nothing. */
    static void more(StringBuilder out, int total, String where) {
        if (total > MAX_ROWS) {
            out.append("\n_").append(total - MAX_ROWS).append(" more not shown; all are in ").append(where)
                    .append("._\n");
        }
    }

    /** Text in a table cell: pipes escaped, line breaks as {@code <br>}, HTML's angle brackets escaped. */
    static String cell(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>");
    }

    /** A code span that holds any text: fenced by more backticks than the text contains in a row. */
    static String code(String text) {
        if (text.isEmpty()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        String body = text.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return fence + pad + body + pad + fence;
    }
}
