package io.configcicd.core.report;

import java.util.Objects;

/**
 * One line for a build log, at a level: what a front end with a levelled log (Maven's {@code Log}) maps to its own
 * calls, so the lines themselves are built once, here.
 */
public record LogLine(Level level, String text) {

    /** The level of a line: info, warning, error. */
    public enum Level {
        INFO,
        WARN,
        ERROR
    }

    public LogLine {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    public static LogLine info(String text) {
        return new LogLine(Level.INFO, text);
    }
}
