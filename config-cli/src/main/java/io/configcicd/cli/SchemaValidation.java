package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Severity;
import io.configcicd.core.report.Report;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import io.configcicd.core.report.ReportWriters;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.validate.ValidationResult;
import io.configcicd.core.validate.schema.SchemaFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code validate --schema SCHEMA FILE...} as plain Java: the report of the files against the schema, written to
 * standard output (or {@code --output}) in {@code --format} and to every {@code --report FORMAT=FILE}, and the exit
 * code (1 when a finding is at or above {@code --fail-on}, default error). {@link ValidateCommand} runs it for
 * {@code --schema}, and so does {@link SchemaFastPath} without picocli, so both give the same output and exit code.
 * It uses no picocli type; failures are {@link ConfigCicdException}s for the caller to report.
 *
 * @param schema           the JSON Schema document
 * @param files            the files to validate
 * @param format           {@code --format} as given
 * @param output           {@code --output}, when given
 * @param failOn           {@code --fail-on} as given, when given
 * @param reports          every {@code --report FORMAT=FILE} as given
 * @param directoryOptions whether options that only apply to a configuration directory were given as well
 */
record SchemaValidation(Path schema, List<Path> files, String format, Optional<Path> output, Optional<String> failOn,
                        List<String> reports, boolean directoryOptions) {

    SchemaValidation {
        files = List.copyOf(files);
        reports = List.copyOf(reports);
    }

    /**
     * Validates, writes the reports and the output, and returns the exit code. The reports written to files mask
     * the secrets {@code masker} knows when they are written.
     *
     * @throws ConfigCicdException bad input (an option's value, the schema, no files)
     */
    int run(PrintStream out, Supplier<OutputMasker> masker) {
        ReportFormat reportFormat = ReportOutput.format(format, "--format");
        Map<ReportFormat, Path> destinations = ReportOutput.destinations(reports);
        Severity failAt = failOn.map(SchemaValidation::severity).orElse(Severity.ERROR);
        Report report = report();
        destinations.forEach((f, file) -> ReportFiles.write(report, f, file, masker.get()));
        ReportOutput.write(ReportWriters.of(reportFormat, ReportOutput.colour(output)).render(report), output, out);
        boolean failed = report.findings().stream().anyMatch(f -> f.severity().atLeast(failAt));
        return failed ? ErrorKind.FINDINGS.exitCode() : 0;
    }

    private Report report() {
        if (files.isEmpty()) {
            throw ConfigCicdException.badInput("--schema " + schema + " given without files", "add the files to validate: "
                    + "validate --schema " + schema + " config/*.yaml");
        }
        if (directoryOptions) {
            throw ConfigCicdException.badInput("--schema validates files; --fix, --commit-hash and environments do not apply",
                    "leave those options out, or validate the configuration directory without --schema");
        }
        ValidationResult result = SchemaFiles.validate(schema, files, Settings.defaults().limits());
        return Report.of(Main.toolVersion(), "validate --schema", "", List.of(SchemaFiles.ENVIRONMENT), result.findings());
    }

    /** The severity of {@code --fail-on}. */
    static Severity severity(String text) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("--fail-on: " + e.getMessage(), "use info, warning, error or critical");
        }
    }

}
