package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.ValidateOutcome;
import io.configcicd.core.api.ValidateRequest;
import io.configcicd.core.api.ValidationService;
import io.configcicd.core.model.Scope;
import io.configcicd.core.model.Severity;
import io.configcicd.core.report.Report;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import io.configcicd.core.report.ReportWriters;
import io.configcicd.core.repo.AtomicFiles;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.ValidationResult;
import io.configcicd.core.validate.schema.SchemaFiles;
import io.configcicd.core.version.ConfigBackup;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "With --schema: the files to validate.")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        CommonOptions options = cli.options();
        ReportFormat format = reportFormat(options.formatName(), "--format");
        Map<ReportFormat, Path> destinations = destinations();
        Optional<Severity> threshold = Optional.ofNullable(failOn).map(ValidateCommand::severity);
        PrintStream notes = format == ReportFormat.TEXT && options.output().isEmpty() ? cli.out() : cli.err();
        Report report;
        Severity failAt;
        if (schema == null && java.nio.file.Files.isDirectory(options.configDir())) {
            try (var manager = io.configcicd.core.api.ConfigurationManager.open(options.configDir())) {
                cli.maskSecretsOf(manager);
            }
        }
        if (schema != null) {
            report = validateFiles();
            failAt = threshold.orElse(Severity.ERROR);
        } else {
            if (!files.isEmpty()) {
                throw ConfigCicdException.badInput("files given without --schema: " + files,
                        "validate files with --schema SCHEMA FILE..., or a configuration directory with --config-dir");
            }
            ValidateOutcome outcome = new ValidationService(ConfigCicdCli.toolVersion(), java.time.Clock.systemDefaultZone(), cli.env(),
                    (dir, scope, name, label, now) -> new ConfigBackup().create(dir, scope, name, label, now).id())
                    .validate(request(options, threshold));
            ValidateNotes.fixes(outcome, notes);
            if (verbose) {
                ValidateNotes.verbose(outcome, notes);
            }
            report = outcome.report();
            failAt = outcome.failOn();
        }
        destinations.forEach((f, file) -> ReportFiles.write(report, f, file, cli.masker()));
        write(ReportWriters.of(format, colour(options)).render(report), options);
        boolean failed = report.findings().stream().anyMatch(f -> f.severity().atLeast(failAt));
        return failed ? ErrorReporter.FINDINGS : ErrorReporter.OK;
    }

    private ValidateRequest request(CommonOptions options, Optional<Severity> threshold) {
        if (allEnvironments && !environments.isEmpty()) {
            throw ConfigCicdException.badInput("--all-environments and --name/--environment " + environments + " both given",
                    "name environments, or validate them all, not both");
        }
        if (scope != null && environments.isEmpty() && !allEnvironments) {
            throw ConfigCicdException.badInput("--scope " + scope.name().toLowerCase(java.util.Locale.ROOT) + " without --name",
                    "give --name ENV, or --all-environments");
        }
        ValidateRequest request = ValidateRequest.of(options.configDir()).withEnvironments(environments).withFix(fix);
        Optional<String> revision = Optional.ofNullable(commit).or(() -> Optional.ofNullable(branch));
        if (revision.isPresent()) {
            request = request.withRevision(revision.get());
        }
        return threshold.map(request::withFailOn).orElse(request);
    }

    private Report validateFiles() {
        if (files.isEmpty()) {
            throw ConfigCicdException.badInput("--schema " + schema + " given without files", "add the files to validate: "
                    + "validate --schema " + schema + " config/*.yaml");
        }
        if (fix || commit != null || !environments.isEmpty() || allEnvironments) {
            throw ConfigCicdException.badInput("--schema validates files; --fix, --commit-hash and environments do not apply",
                    "leave those options out, or validate the configuration directory without --schema");
        }
        ValidationResult result = SchemaFiles.validate(schema, files, Settings.defaults().limits());
        return Report.of(ConfigCicdCli.toolVersion(), "validate --schema", "", List.of(SchemaFiles.ENVIRONMENT),
                result.findings());
    }

    private Map<ReportFormat, Path> destinations() {
        Map<ReportFormat, Path> out = new LinkedHashMap<>();
        for (String r : reports) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw ConfigCicdException.badInput("--report " + r + " is not FORMAT=FILE",
                        "write for example --report junit=target/config-cicd.xml --report sarif=target/config-cicd.sarif");
            }
            out.put(reportFormat(r.substring(0, eq), "--report"), Path.of(r.substring(eq + 1)));
        }
        return out;
    }

    private static ReportFormat reportFormat(String text, String option) {
        try {
            return ReportFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput(option + ": " + e.getMessage(), "validate writes text, json, junit, sarif, "
                    + "gitlab or github");
        }
    }

    private static Severity severity(String text) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("--fail-on: " + e.getMessage(), "use info, warning, error or critical");
        }
    }

    private void write(String text, CommonOptions options) {
        if (options.output().isPresent()) {
            AtomicFiles.write(options.output().get().toAbsolutePath(), text.getBytes(StandardCharsets.UTF_8));
        } else {
            cli.out().print(text);
            cli.out().flush();
        }
    }

    private static boolean colour(CommonOptions options) {
        return options.output().isEmpty() && System.console() != null && System.getenv("NO_COLOR") == null;
    }
}
