package io.configcicd.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a report can be written in; {@link #parse(String)} reads the names used by {@code --format}. */
public enum ReportFormat {
    TEXT("text", "config-cicd.txt"),
    JSON("json", "config-cicd.json"),
    JUNIT("junit", "TEST-config-cicd.xml"),
    SARIF("sarif", "config-cicd.sarif"),
    GITLAB("gitlab", "gl-code-quality-report.json"),
    GITHUB("github", "config-cicd-annotations.txt"),
    MARKDOWN("markdown", "config-cicd.md");

    private final String id;
    private final String fileName;

    ReportFormat(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    /** The name used on the command line. */
    public String id() {
        return id;
    }

    /** The file name a front end uses when it writes this format into a report directory. */
    public String fileName() {
        return fileName;
    }

    /**
     * Reads a format name, ignoring case and surrounding blanks; "codequality" is another name for gitlab.
     *
     * @throws IllegalArgumentException naming the accepted formats when the text is none of them
     */
    public static ReportFormat parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("codequality") || t.equals("code-quality")) {
            return GITLAB;
        }
        if (t.equals("md")) {
            return MARKDOWN;
        }
        for (ReportFormat f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        String names = Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown report format '" + text + "': use one of " + names
                + " (codequality is another name for gitlab, md for markdown)");
    }
}
