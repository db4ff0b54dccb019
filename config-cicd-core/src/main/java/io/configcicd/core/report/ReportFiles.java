package io.configcicd.core.report;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.AtomicFiles;
import io.configcicd.core.security.OutputMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes reports to files: each one atomically (temp file, rename), parent directories created. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Writes one report in one format to {@code file}. */
    public static void write(Report report, ReportFormat format, Path file) {
        write(report, format, file, OutputMasker.none());
    }

    /** Writes one report in one format to {@code file}, every secret the masker knows replaced. */
    public static void write(Report report, ReportFormat format, Path file, OutputMasker masker) {
        writeText(masker.mask(ReportWriters.of(format, false).render(report)), file);
    }

    /** Writes text (UTF-8) to {@code file} atomically, parent directories created. */
    public static void writeText(String text, Path file) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot create the directory of report " + file + ": " + e.getMessage(),
                    "check that the path is writable", e);
        }
        AtomicFiles.write(file, bytes);
    }

    /** Writes the report once per format into {@code directory}, under each format's file name; returns the files. */
    public static Map<ReportFormat, Path> writeAll(Report report, Iterable<ReportFormat> formats, Path directory) {
        return writeAll(report, formats, directory, OutputMasker.none());
    }

    /** Like {@link #writeAll(Report, Iterable, Path)}, every secret the masker knows replaced. */
    public static Map<ReportFormat, Path> writeAll(Report report, Iterable<ReportFormat> formats, Path directory,
                                                   OutputMasker masker) {
        Map<ReportFormat, Path> out = new LinkedHashMap<>();
        for (ReportFormat f : formats) {
            Path file = directory.resolve(f.fileName());
            write(report, f, file, masker);
            out.put(f, file);
        }
        return out;
    }
}
