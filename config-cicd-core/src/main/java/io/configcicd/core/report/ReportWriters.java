package io.configcicd.core.report;

/** Creates the writer of a format. */
public final class ReportWriters {

    private ReportWriters() {
    }

    /**
     * The writer of {@code format}; {@code colour} only matters for {@link ReportFormat#TEXT} and should be
     * true only when the output is a terminal.
     */
    public static ReportWriter of(ReportFormat format, boolean colour) {
        return switch (format) {
            case TEXT -> new TextReportWriter(colour);
            case JSON -> new JsonReportWriter();
            case JUNIT -> new JunitReportWriter();
            case SARIF -> new SarifReportWriter();
            case GITLAB -> new GitlabCodeQualityWriter();
            case GITHUB -> new GithubAnnotationsWriter();
            case MARKDOWN -> new MarkdownReportWriter();
        };
    }
}
