package io.configcicd.core.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes a {@link Report} in one format. A writer does not close the {@link Writer} it is given. */
public interface ReportWriter {

    ReportFormat format();

    void write(Report report, Writer out) throws IOException;

    /** The report as a string. */
    default String render(Report report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
