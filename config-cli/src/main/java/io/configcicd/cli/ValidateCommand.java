package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.ValidateOutcome;
import io.configcicd.core.api.ValidateRequest;
import io.configcicd.core.api.ValidationService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import io.configcicd.core.model.Threshold;
import io.configcicd.core.report.Report;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import io.configcicd.core.report.ReportWriters;
import io.configcicd.core.report.ValidationNotes;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code validate}: the effective configuration of one environment, several, or all, from the work tree or a
 * commit, with fixes on request; or, with {@code --schema}, arbitrary files against a JSON Schema. The report
 * goes to standard output in {@code --format} and to every {@code --report FORMAT=FILE}; exit 1 when a finding
 * is at or above {@code --fail-on}.
 */
@Command(name = "validate", sortOptions = false,
        description = {"Validate the effective configuration of each environment: JSON Schema (schemas/), the rules of "
                + "config-cicd.yaml and the security policy.",
                "With --schema S FILE..., validate any YAML, JSON or TOML files against the schema S."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private ConfigCicdCli cli;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "global or environment; both name an environment with --name.")
    private Scope scope;

    @Option(names = {"--name", "--environment"}, paramLabel = "ENV",
            description = "The environment to validate (repeatable; default: every environment).")
    private List<String> environments = new ArrayList<>();

    @Option(names = "--all-environments", description = "Validate every environment (the default when none is named).")
    private boolean allEnvironments;

    @Option(names = "--commit-hash", paramLabel = "REV",
            description = "Validate the files as they are in this commit (or tag), read from git without a checkout.")
    private String commit;

    @Option(names = "--branch", paramLabel = "BRANCH",
            description = "The branch being built; validated at its tip when --commit-hash is not given.")
    private String branch;

    @Option(names = "--fix", description = "Write the fixes that rules offer (in place, comments kept), then validate again.")
    private boolean fix;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above LEVEL: info, warning, error, critical "
                    + "(default: validation.fail_on in config-cicd.yaml, else error).")
    private String failOn;

    @Option(names = "--report", paramLabel = "FORMAT=FILE",
            description = "Also write the report in FORMAT (text, json, junit, sarif, gitlab, github) to FILE; repeatable.")
    private List<String> reports = new ArrayList<>();

    @Option(names = "--verbose", description = "Also list the rules that ran and the findings that waivers silenced.")
    private boolean verbose;

    @Option(names = "--schema", paramLabel = "SCHEMA",
            description = "Validate the FILEs against this JSON Schema instead of a configuration directory.")
    private Path schema;

    @Option(names = "--ref", paramLabel = "FILE",
            description = "With --schema: a schema the schema refers to by its $id (repeatable, like ajv's -r). "
                    + "No schema is ever fetched from the network.")
    private List<Path> refs = new ArrayList<>();

    @Option(names = "--validate-formats", arity = "1", paramLabel = "true|false",
            description = "With --schema: check \"format\" (email, uri, date-time...) as an assertion (default: "
                    + "validation.formats in config-cicd.yaml, else true), or only as an annotation (false).")
    private Boolean validateFormats;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "With --schema: the files to validate.")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        CommonOptions options = cli.options();
        if (schema != null) {
            return new SchemaValidation(schema, refs, files, options.formatName(), options.output(),
                    Optional.ofNullable(failOn), reports, options.configDir(), Optional.ofNullable(validateFormats),
                    fix || commit != null || !environments.isEmpty() || allEnvironments).run(cli.out(), cli.env());
        }
        if (!refs.isEmpty() || validateFormats != null) {
            throw ConfigCicdException.badInput("--ref and --validate-formats apply to validate --schema",
                    "for a configuration directory, put the referenced schemas in schemas/ and set validation.formats "
                            + "(assert or annotate) in config-cicd.yaml");
        }
        ReportFormat format = ReportOutput.format(options.formatName(), "--format");
        Map<ReportFormat, Path> destinations = ReportOutput.destinations(reports);
        Optional<Threshold> threshold = Optional.ofNullable(failOn).map(SchemaValidation::threshold);
        PrintStream notes = format == ReportFormat.TEXT && options.output().isEmpty() ? cli.out() : cli.err();
        if (!files.isEmpty()) {
            throw ConfigCicdException.badInput("files given without --schema: " + files,
                    "validate files with --schema SCHEMA FILE..., or a configuration directory with --config-dir");
        }
        ValidationService service = new ValidationService(ConfigCicdCli.toolVersion(), Clock.systemDefaultZone(),
                cli.env());
        ValidateOutcome outcome;
        // one parse of the directory: the masker is built from the documents the validation then reads from the cache
        cli.useDirectory(options.configDir());
        try (Workspace workspace = Workspace.open(options.configDir(), cli.env(), ParseThreads.pool(),
                new ProgressLines(cli.err(), options.progress()))) {
            cli.maskWith(workspace.masker());
            outcome = service.validate(workspace, request(options, threshold));
        }
        Report report = outcome.report();
        ValidationNotes.fixes(report, outcome.fixes()).forEach(notes::println);
        if (verbose) {
            ValidationNotes.verbose(report, outcome.rules(), outcome.failOn(), outcome.waived()).forEach(notes::println);
        }
        destinations.forEach((f, file) -> ReportFiles.write(report, f, file, cli.masker()));
        ReportOutput.write(ReportWriters.of(format, ReportOutput.colour(options.output())).render(report),
                options.output(), cli.out());
        return outcome.failed() ? ErrorReporter.FINDINGS : ErrorReporter.OK;
    }

    private ValidateRequest request(CommonOptions options, Optional<Threshold> threshold) {
        if (allEnvironments && !environments.isEmpty()) {
            throw ConfigCicdException.badInput("--all-environments and --name/--environment " + environments + " both given",
                    "name environments, or validate them all, not both");
        }
        if (scope != null && environments.isEmpty() && !allEnvironments) {
            throw ConfigCicdException.badInput("--scope " + scope.name().toLowerCase(java.util.Locale.ROOT) + " without --name",
                    "give --name ENV, or --all-environments");
        }
        Optional<String> revision = Optional.ofNullable(commit).or(() -> Optional.ofNullable(branch));
        return ValidateRequest.of(options.configDir()).withEnvironments(environments).withRevision(revision)
                .withFix(fix).withBackup(true).withFailOn(threshold);
    }
}
