package io.configcicd.core.load.toml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of non-overlapping character ranges of a text, applied together. */
final class TomlTextEdits {

    private record Edit(int start, int end, String replacement) {
    }

    private final List<Edit> edits = new ArrayList<>();

    TomlTextEdits replace(int start, int end, String replacement) {
        edits.add(new Edit(start, end, replacement));
        return this;
    }

    TomlTextEdits insert(int at, String text) {
        return replace(at, at, text);
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    /** The text with every edit applied; ranges that start at the same offset keep the order they were added. */
    String apply(String text) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start));
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int pos = 0;
        for (Edit e : sorted) {
            if (e.start() < pos) {
                continue;
            }
            sb.append(text, pos, e.start()).append(e.replacement());
            pos = e.end();
        }
        return sb.append(text, pos, text.length()).toString();
    }

    /** "\r\n" when the text already uses it, else "\n". */
    static String newline(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** The blanks at the start of the line that begins at {@code lineStart}. */
    static String indentation(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }

    /** A line end when the text before {@code at} does not end a line (a file without a final newline). */
    static String lineBreakBefore(String text, int at, String nl) {
        return at > 0 && text.charAt(at - 1) != '\n' ? nl : "";
    }
}
