package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.api.ValidateFilesOutcome;
import io.configcicd.core.api.ValidateFilesRequest;
import io.configcicd.core.api.ValidationService;
import io.configcicd.core.model.Threshold;
import io.configcicd.core.report.Report;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import io.configcicd.core.report.ReportWriters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code validate --schema SCHEMA FILE...} as plain Java: the report of the files against the schema, written to
 * standard output (or {@code --output}) in {@code --format} and to every {@code --report FORMAT=FILE}, and the exit
 * code (1 when a finding is at or above {@code --fail-on}, default error). {@link ValidateCommand} runs it for
 * {@code --schema}, and so does {@link SchemaFastPath} without picocli, so both give the same output and exit code.
 * It uses no picocli type; failures are {@link ConfigCicdException}s for the caller to report.
 *
 * <p>The settings file of the configuration directory ({@code --config-dir}, default as for every command), when
 * there is one, gives the secret keys, the limits and {@code validation.formats}; {@code --validate-formats} overrides
 * the last. Every output (standard output, {@code --output}, every report file) masks every secret the files hold, in
 * every encoding, as directory mode masks a directory's ({@link ValidateFilesOutcome#masker()}).
 *
 * @param schema           the JSON Schema document
 * @param referenced       the schemas of {@code --ref}, which the schema may refer to by {@code $id}
 * @param files            the files to validate
 * @param format           {@code --format} as given
 * @param output           {@code --output}, when given
 * @param failOn           {@code --fail-on} as given, when given
 * @param reports          every {@code --report FORMAT=FILE} as given
 * @param configDir        the configuration directory whose {@code config-cicd.yaml} (if any) gives the settings
 * @param assertFormats    {@code --validate-formats}, when given
 * @param directoryOptions whether options that only apply to a configuration directory were given as well
 */
record SchemaValidation(Path schema, List<Path> referenced, List<Path> files, String format, Optional<Path> output,
                        Optional<String> failOn, List<String> reports, Path configDir, Optional<Boolean> assertFormats,
                        boolean directoryOptions) {

    SchemaValidation {
        referenced = List.copyOf(referenced);
        files = List.copyOf(files);
        reports = List.copyOf(reports);
    }

    /**
     * Validates, writes the reports and the output, and returns the exit code.
     *
     * @param env the process environment: values of variables referenced under secret keys, and the key of
     *            {@code ENC[...]} values, which the outputs then mask
     * @throws ConfigCicdException bad input (an option's value, the settings, the schema, missing files, no files)
     */
    int run(PrintStream out, Map<String, String> env) {
        ReportFormat reportFormat = ReportOutput.format(format, "--format");
        Map<ReportFormat, Path> destinations = ReportOutput.destinations(reports);
        Optional<Threshold> threshold = failOn.map(SchemaValidation::threshold);
        ValidateFilesRequest request = request(threshold);
        ValidateFilesOutcome outcome = new ValidationService(Main.toolVersion(), Clock.systemDefaultZone(), env,
                SchemaValidation::onItsOwnThread).validateFiles(request);
        Report report = outcome.report();
        destinations.forEach((f, file) -> ReportFiles.write(report, f, file, outcome.masker()));
        String text = ReportWriters.of(reportFormat, ReportOutput.colour(output)).render(report);
        ReportOutput.write(outcome.masker().mask(text), output, out);
        return outcome.failed() ? ErrorKind.FINDINGS.exitCode() : 0;
    }

    private ValidateFilesRequest request(Optional<Threshold> threshold) {
        if (files.isEmpty()) {
            throw ConfigCicdException.badInput("--schema " + schema + " given without files", "add the files to validate: "
                    + "validate --schema " + schema + " config/*.yaml");
        }
        if (directoryOptions) {
            throw ConfigCicdException.badInput("--schema validates files; --fix, --commit-hash and environments do not apply",
                    "leave those options out, or validate the configuration directory without --schema");
        }
        return ValidateFilesRequest.of(schema, files, configDir).withReferenced(referenced)
                .withAssertFormats(assertFormats).withFailOn(threshold);
    }

    /**
     * The executor the schema compiles on while the files are parsed (from eight files on): a daemon thread of this
     * command's per task (there is one), which costs less at start-up than a pool (its classes are not loaded).
     */
    private static void onItsOwnThread(Runnable task) {
        Thread t = new Thread(task, "config-cicd-schema");
        t.setDaemon(true);
        t.start();
    }

    /** {@code --fail-on} of validate: a severity. */
    static Threshold threshold(String text) {
        try {
            return Threshold.parseSeverity(text);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("--fail-on: " + e.getMessage(), "use info, warning, error or critical");
        }
    }
}
