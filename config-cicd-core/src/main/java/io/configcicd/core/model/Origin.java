package io.configcicd.core.model;

import java.util.Objects;

/**
 * Where a value was written: a file (relative to the configuration directory, with '/' separators),
 * a 1-based line and a 1-based column. {@link #UNKNOWN} stands for values that came from no file
 * (defaults, values given through the API before they are saved).
 */
public record Origin(String file, int line, int column) {

    public static final Origin UNKNOWN = new Origin("", 0, 0);

    public Origin {
        Objects.requireNonNull(file, "file");
    }

    public static Origin of(String file, int line, int column) {
        return new Origin(file, line, column);
    }

    public static Origin file(String file) {
        return new Origin(file, 0, 0);
    }

    public boolean isKnown() {
        return !file.isEmpty();
    }

    /** {@code file:line:column}, {@code file:line} or {@code file}, as compilers print them. */
    @Override
    public String toString() {
        if (!isKnown()) {
            return "<unknown>";
        }
        if (line <= 0) {
            return file;
        }
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
