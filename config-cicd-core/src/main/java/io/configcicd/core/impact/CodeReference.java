package io.configcicd.core.impact;

import java.util.Objects;

/**
 * A line of source code that reads a configuration key: a string literal in it names the key's dotted path or
 * its last segments ({@code "kgot.max_iterations"}, {@code "${services.web.port}"}).
 *
 * @param file the file relative to the repository root, with '/' separators
 * @param line the line number, from 1
 * @param text the line, trimmed and cut at {@value #MAX_TEXT} characters
 */
public record CodeReference(String file, int line, String text) {

    /** The longest line text kept. */
    public static final int MAX_TEXT = 160;

    public CodeReference {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        text = text.strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 3) + "...";
        }
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
