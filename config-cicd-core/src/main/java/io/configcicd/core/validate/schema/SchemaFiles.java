package io.configcicd.core.validate.schema;

import com.networknt.schema.Error;
import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.ValidationResult;
import io.configcicd.core.validate.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Validates arbitrary YAML, JSON and TOML files against one JSON Schema, as ajv-cli or kubeconform do, for
 * configuration that does not follow the configuration-directory layout ({@code config-cicd validate --schema S
 * FILE...}).
 *
 * <p>The schema is read and compiled once ({@link #compile}); the files are parsed and validated in parallel. With
 * {@link #check} and an executor of the caller's, the schema is compiled there while the files are already being
 * parsed (in a short run both take about as long); the files parsed before it is ready are validated once it is.
 * No thread is started here: without an executor the schema is compiled first, on the caller's thread. An invalid schema still
 * fails the whole validation with its own error, and so does a file that does not exist (bad input, as ajv-cli has
 * it), after every file was looked at, naming them all.
 * Every other problem with a file is a {@link Finding} in environment {@value #ENVIRONMENT}: rule {@value #SCHEMA_RULE}
 * for a schema violation, at the file:line:column of the offending value (see {@link ErrorTranslator}), rule
 * {@value #PARSE_RULE} for a file that cannot be read or parsed, at the line the parser reports. So one bad file
 * does not hide the others' results. Origins name each file as it was given (relative stays relative, with
 * {@code /} separators); a YAML file of several documents is validated document by document, the messages naming
 * each {@code file.yaml[n]} ({@link FileDocuments}). Values under secret keys never appear in messages, and
 * {@link Outcome#masker()} knows every secret of the files for the outputs of the run ({@link FileSecrets}).
 *
 * <p>A schema may {@code $ref} other schema documents: those given as {@code referenced} schemas (by {@code $id} or
 * file name), and any file a relative {@code $ref} names beside the schema that refers to it
 * ({@code {"$ref": "common.json#/$defs/port"}}), found and loaded automatically. Nothing is fetched from the network:
 * a reference to any other document is bad input naming it. A document whose {@code $schema} names no other draft is
 * read as draft 2020-12.
 */
public final class SchemaFiles {

    /** The environment every finding of this validation carries. */
    public static final String ENVIRONMENT = "files";
    /** Rule id of a schema violation. */
    public static final String SCHEMA_RULE = JsonSchemaRule.ID;
    /** Rule id of a file that cannot be read or parsed. */
    public static final String PARSE_RULE = FileDocuments.PARSE_RULE;

    /** From this many files on, the schema is compiled on the caller's executor while the first files are parsed. */
    private static final int OVERLAP_MIN_FILES = 8;
    /** How many files may be parsed before the schema is compiled; their trees are kept until it is. */
    private static final int PARSE_AHEAD = 2048;

    private final String schemaName;
    private final SchemaSet.Document main;
    private final ErrorTranslator translator;

    private SchemaFiles(SchemaDocuments documents, List<String> secretKeys, SchemaOptions options) {
        SchemaSet set = new SchemaSet(documents.trees(), options, SchemaFiles::supplyHint);
        this.schemaName = documents.mainName();
        this.main = set.documents().get(0);
        this.translator = new ErrorTranslator(set, new SecretMasker(secretKeys));
    }

    /**
     * What validating the files found, and the masker of every secret the files hold (values under secret keys, the
     * plaintext of the {@code ENC[...]} values the key opens, the environment's values of referenced variables) for
     * every output of the run: the report on standard output and every report file.
     */
    public record Outcome(ValidationResult result, OutputMasker masker) {
    }

    /**
     * Validates files against a schema, with the default settings and no environment.
     *
     * @param schema the JSON Schema document (JSON, or YAML when its name ends in .yaml or .yml)
     * @param files  the files to validate (.yaml, .yml, .json, .toml), relative or absolute
     * @param limits the loader's bounds for every file
     * @throws ConfigCicdException bad input naming the schema file when it is missing, cannot be parsed or is not a
     *                             valid JSON Schema, or naming the files that do not exist
     */
    public static ValidationResult validate(Path schema, List<Path> files, LoadLimits limits) {
        return validate(schema, List.of(), files, limits);
    }

    /**
     * Validates files against a schema that may refer to the {@code referenced} schema documents by file name or
     * {@code $id} (as ajv-cli's {@code -r}); files beside the schema named by a relative {@code $ref} are found
     * without being listed.
     */
    public static ValidationResult validate(Path schema, List<Path> referenced, List<Path> files, LoadLimits limits) {
        return check(schema, referenced, files, SchemaFilesSettings.DEFAULT.withLimits(limits), Map.of()).result();
    }

    /**
     * Validates files against a schema with the settings of a settings file, and collects the files' secrets.
     *
     * @param env the process environment: the values of variables referenced under secret keys are secrets, and
     *            {@code CONFIG_CICD_KEY} opens {@code ENC[...]} values
     * @throws ConfigCicdException bad input naming the schema file when it is missing, cannot be parsed, is not a
     *                             valid JSON Schema or refers to a schema that is not there, or naming the files that
     *                             do not exist
     */
    public static Outcome check(Path schema, List<Path> referenced, List<Path> files, SchemaFilesSettings settings,
                                Map<String, String> env) {
        return check(schema, referenced, files, settings, env, Runnable::run);
    }

    /**
     * {@link #check(Path, List, List, SchemaFilesSettings, Map)}, the schema compiled on {@code compiler} (which the
     * caller owns) while the files are parsed, from {@value #OVERLAP_MIN_FILES} files on.
     */
    public static Outcome check(Path schema, List<Path> referenced, List<Path> files, SchemaFilesSettings settings,
                                Map<String, String> env, Executor compiler) {
        FileSecrets secrets = new FileSecrets(settings.secretKeys(), env);
        Function<Path, FileDocuments> read = f -> FileDocuments.read(f, settings.limits());
        Checks checks = new Checks(secrets, new ArrayList<>());
        List<FileDocuments> missing = checks.missing();
        List<Finding> findings;
        if (files.size() < OVERLAP_MIN_FILES) {
            SchemaFiles s = compile(schema, referenced, settings);
            findings = files.parallelStream().map(read).flatMap(f -> s.check(f, checks).stream()).toList();
        } else {
            findings = overlapped(schema, referenced, files, settings, read, checks, compiler);
        }
        if (!missing.isEmpty()) {
            throw notFound(missing);
        }
        return new Outcome(new ValidationResult(findings), secrets.masker());
    }

    /** What checking the files collects besides findings: the files' secrets, and the files that do not exist. */
    private record Checks(FileSecrets secrets, List<FileDocuments> missing) {
    }

    /** Parses the files while the schema compiles on the compiler's executor, then validates them. */
    private static List<Finding> overlapped(Path schema, List<Path> referenced, List<Path> files,
                                            SchemaFilesSettings settings, Function<Path, FileDocuments> read,
                                            Checks checks, Executor compiler) {
        CompletableFuture<SchemaFiles> compiled = compileOn(compiler, schema, referenced, settings);
        List<Checked> checked;
        try {
            checked = IntStream.range(0, files.size()).parallel().mapToObj(i -> {
                FileDocuments file = read.apply(files.get(i));
                SchemaFiles s = i < PARSE_AHEAD ? compiled.getNow(null) : await(compiled);
                return s == null ? new Checked(file, List.of()) : new Checked(null, s.check(file, checks));
            }).toList();
        } catch (RuntimeException e) {
            await(compiled); // a schema that does not compile is the error to report, as without the overlap
            throw e;
        }
        SchemaFiles s = await(compiled);
        return checked.parallelStream()
                .flatMap(c -> c.pending() == null ? c.findings().stream() : s.check(c.pending(), checks).stream()).toList();
    }

    /** A file read before the schema was compiled ({@code pending}), or the findings of one checked after. */
    private record Checked(FileDocuments pending, List<Finding> findings) {
    }

    private static CompletableFuture<SchemaFiles> compileOn(Executor compiler, Path schema, List<Path> referenced,
                                                            SchemaFilesSettings settings) {
        CompletableFuture<SchemaFiles> compiled = new CompletableFuture<>();
        compiler.execute(() -> {
            try {
                compiled.complete(compile(schema, referenced, settings));
            } catch (Throwable t) {
                compiled.completeExceptionally(t);
            }
        });
        return compiled;
    }

    /** The schema, or the exception that compiling it threw, as it was thrown. */
    private static SchemaFiles await(CompletableFuture<SchemaFiles> compiled) {
        try {
            return compiled.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof java.lang.Error r) {
                throw r;
            }
            throw e;
        }
    }

    private static ConfigCicdException notFound(List<FileDocuments> missing) {
        List<String> names = missing.stream().map(FileDocuments::name).sorted().toList();
        return ConfigCicdException.badInput(Origin.file(names.get(0)), (names.size() == 1 ? "file not found: "
                : names.size() + " files not found: ") + String.join(", ", names), "check the paths of the files to validate");
    }

    /** How a schema that a $ref names is supplied to {@code validate --schema}. */
    private static String supplyHint(String iri) {
        return "give the schema whose \"$id\" is \"" + iri + "\" with --ref FILE (repeatable), or put it beside the "
                + "schema that refers to it under the name the $ref uses";
    }

    /** Reads and compiles a schema with the default settings, for validating any number of file sets. */
    public static SchemaFiles compile(Path schema, List<Path> referenced) {
        return compile(schema, referenced, SchemaFilesSettings.DEFAULT);
    }

    /**
     * Reads and compiles a schema; values under the settings' secret keys are masked in messages.
     *
     * @throws ConfigCicdException bad input naming the schema file when it is missing, cannot be parsed or is not a
     *                             valid JSON Schema
     */
    public static SchemaFiles compile(Path schema, List<Path> referenced, SchemaFilesSettings settings) {
        return new SchemaFiles(SchemaDocuments.read(schema, referenced), settings.secretKeys(), settings.options());
    }

    /** The schema's name as it was given, {@code /} separated. */
    public String schemaName() {
        return schemaName;
    }

    /**
     * Parses and validates the files in parallel (the common fork-join pool: one thread per core), each file parsed,
     * validated and dropped in one step; every problem with a file is a finding, a missing file bad input.
     */
    public ValidationResult validate(List<Path> files, LoadLimits limits) {
        Checks checks = new Checks(new FileSecrets(List.of(), Map.of()), new ArrayList<>());
        List<Finding> findings = files.parallelStream()
                .flatMap(f -> check(FileDocuments.read(f, limits), checks).stream()).toList();
        if (!checks.missing().isEmpty()) {
            throw notFound(checks.missing());
        }
        return new ValidationResult(findings);
    }

    /**
     * The findings of one file: why its documents cannot be parsed, or what the schema says about them; its secrets
     * are collected as its documents are converted for the validator.
     */
    private List<Finding> check(FileDocuments file, Checks checks) {
        if (file.missing()) {
            synchronized (checks.missing()) {
                checks.missing().add(file);
            }
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (FileDocuments.Document d : file.documents()) {
            if (d.tree() == null) {
                out.add(d.problem());
                continue;
            }
            FileSecrets.Scan found = checks.secrets().scan();
            JsonNode instance = JsonTrees.toJson(d.tree(), found);
            checks.secrets().add(d.tree(), found);
            Set<Violation> violations = new LinkedHashSet<>();
            for (Error error : main.schema().validate(instance)) {
                violations.add(translator.translate(d.tree(), error));
            }
            String label = d.label().isEmpty() ? "" : d.label() + ": ";
            for (Violation v : violations) {
                out.add(new Finding(SCHEMA_RULE, Severity.ERROR, ENVIRONMENT, v.path(), v.origin(), label + v.message(),
                        Optional.empty()));
            }
        }
        return out;
    }

    static String ioReason(IOException e) {
        return FileDocuments.ioReason(e);
    }

    /** A path as the user gave it, with {@code /} separators. */
    static String displayName(Path path) {
        return FileDocuments.displayName(path);
    }
}
