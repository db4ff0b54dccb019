package io.configcicd.core.validate.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The documents of a YAML stream ({@code validate --schema} reads every document of a file such as a Kubernetes
 * manifest; a configuration directory keeps one document per file). A document starts at a {@code ---} line and
 * ends before the next one or after a {@code ...} line (directives and comments before a {@code ---} belong to the
 * document it starts): YAML 1.2 forbids both markers at the start of a line inside
 * any content (c-forbidden, 9.1.4), so the lines alone tell where documents start and end, before any parsing.
 *
 * <p>Each document is returned as text that the one-document YAML reader reads at the document's own lines: the lines
 * before it are kept as empty lines, so every origin names the line of the file.
 */
final class YamlDocuments {

    private YamlDocuments() {
    }

    /** The documents' texts, in order; a text without document markers is one document, itself. */
    static List<String> split(String text) {
        if (!text.startsWith("---") && !text.startsWith("...") && !text.contains("\n---") && !text.contains("\n...")) {
            return List.of(text);
        }
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            if (marker(lines[i], "---") && i > start && (marker(lines[start], "---") || hasContent(lines, start, i))) {
                out.add(document(lines, start, i));
                start = i;
            } else if (marker(lines[i], "...")) {
                out.add(document(lines, start, i + 1));
                start = i + 1;
            }
        }
        if (start < lines.length) {
            out.add(document(lines, start, lines.length));
        }
        return out;
    }

    /** Whether lines hold a node (lines before a document's {@code ---}, such as directives, do not). */
    private static boolean hasContent(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (content(lines[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether a document's text holds a node: a line that is not blank, a comment, a directive or a bare marker. */
    static boolean hasContent(String document) {
        int from = 0;
        while (from <= document.length()) {
            int end = document.indexOf('\n', from);
            String line = document.substring(from, end < 0 ? document.length() : end);
            if (content(line)) {
                return true;
            }
            if (end < 0) {
                break;
            }
            from = end + 1;
        }
        return false;
    }

    private static boolean content(String line) {
        String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (marker(l, "---") || marker(l, "...")) {
            l = l.substring(3);
        } else if (l.startsWith("%")) {
            return false;
        }
        String rest = l.strip();
        return !rest.isEmpty() && !rest.startsWith("#");
    }

    /** A line that is the marker, alone or followed by white space (and whatever follows that). */
    private static boolean marker(String line, String marker) {
        return line.startsWith(marker) && (line.length() == 3 || " \t\r".indexOf(line.charAt(3)) >= 0);
    }

    private static String document(String[] lines, int from, int to) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n".repeat(from));
        for (int i = from; i < to; i++) {
            sb.append(lines[i]);
            if (i + 1 < to) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
