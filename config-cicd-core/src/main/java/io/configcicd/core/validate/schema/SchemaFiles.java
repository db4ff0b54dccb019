package io.configcicd.core.validate.schema;

import com.networknt.schema.Error;
import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.FormatCodec;
import io.configcicd.core.load.JacksonTreeReader;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.ValidationResult;
import io.configcicd.core.validate.Violation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Validates arbitrary YAML, JSON and TOML files against one JSON Schema, as ajv-cli or kubeconform do, for
 * configuration that does not follow the configuration-directory layout ({@code config-cicd validate --schema S
 * FILE...}).
 *
 * <p>The schema is read and compiled once ({@link #compile}); the files are parsed and validated in parallel. With
 * {@link #validate(Path, List, List, LoadLimits)} the schema is compiled on a thread of its own while the files are
 * already being parsed (in a short run both take about as long); the files parsed before it is ready are validated
 * once it is. An invalid schema still fails the whole validation with its own error.
 * Every problem with a file is a {@link Finding} in environment {@value #ENVIRONMENT}: rule {@value #SCHEMA_RULE}
 * for a schema violation, at the file:line:column of the offending value (see {@link ErrorTranslator}), rule
 * {@value #PARSE_RULE} for a file that cannot be read or parsed, at the line the parser reports. So one bad file
 * does not hide the others' results. Origins name each file as it was given (relative stays relative, with
 * {@code /} separators). Values under secret keys ({@link Settings#DEFAULT_SECRET_KEYS} unless others are given)
 * never appear in messages.
 *
 * <p>A schema may {@code $ref} other schema documents: those given as {@code referenced} schemas, and any file a
 * relative {@code $ref} names beside the schema that refers to it ({@code {"$ref": "common.json#/$defs/port"}}),
 * found and loaded automatically. Nothing is fetched from the network. A document whose {@code $schema} names no
 * other draft is read as draft 2020-12.
 */
public final class SchemaFiles {

    /** The environment every finding of this validation carries. */
    public static final String ENVIRONMENT = "files";
    /** Rule id of a schema violation. */
    public static final String SCHEMA_RULE = JsonSchemaRule.ID;
    /** Rule id of a file that cannot be read or parsed. */
    public static final String PARSE_RULE = "parse";

    /** From this many files on, the schema is compiled on a thread of its own while the first files are parsed. */
    private static final int OVERLAP_MIN_FILES = 8;
    /** How many files may be parsed before the schema is compiled; their trees are kept until it is. */
    private static final int PARSE_AHEAD = 2048;

    private final String schemaName;
    private final SchemaSet.Document main;
    private final ErrorTranslator translator;

    private SchemaFiles(SchemaDocuments documents, List<String> secretKeys) {
        SchemaSet set = new SchemaSet(documents.trees());
        this.schemaName = documents.mainName();
        this.main = set.documents().get(0);
        this.translator = new ErrorTranslator(set, new SecretMasker(secretKeys));
    }

    /**
     * Validates files against a schema.
     *
     * @param schema the JSON Schema document (JSON, or YAML when its name ends in .yaml or .yml)
     * @param files  the files to validate (.yaml, .yml, .json, .toml), relative or absolute
     * @param limits the loader's bounds for every file
     * @throws ConfigCicdException bad input naming the schema file when it is missing, cannot be parsed or is not a
     *                             valid JSON Schema
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
        if (files.size() < OVERLAP_MIN_FILES) {
            return compile(schema, referenced).validate(files, limits);
        }
        CompletableFuture<SchemaFiles> compiled = compileInBackground(schema, referenced);
        List<Checked> checked;
        try {
            checked = IntStream.range(0, files.size()).parallel().mapToObj(i -> {
                Parsed parsed = Parsed.of(files.get(i), limits);
                SchemaFiles s = i < PARSE_AHEAD ? compiled.getNow(null) : await(compiled);
                return s == null ? new Checked(parsed, List.of()) : new Checked(null, s.check(parsed));
            }).toList();
        } catch (RuntimeException e) {
            await(compiled); // a schema that does not compile is the error to report, as without the overlap
            throw e;
        }
        SchemaFiles s = await(compiled);
        return new ValidationResult(checked.parallelStream()
                .flatMap(c -> c.pending() == null ? c.findings().stream() : s.check(c.pending()).stream()).toList());
    }

    /** A file parsed before the schema was compiled ({@code pending}), or the findings of one checked after. */
    private record Checked(Parsed pending, List<Finding> findings) {
    }

    private static CompletableFuture<SchemaFiles> compileInBackground(Path schema, List<Path> referenced) {
        CompletableFuture<SchemaFiles> compiled = new CompletableFuture<>();
        Thread compiler = new Thread(() -> {
            try {
                compiled.complete(compile(schema, referenced));
            } catch (Throwable t) {
                compiled.completeExceptionally(t);
            }
        }, "config-cicd-schema");
        compiler.setDaemon(true);
        compiler.start();
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

    /** Reads and compiles a schema with the default secret keys, for validating any number of file sets. */
    public static SchemaFiles compile(Path schema, List<Path> referenced) {
        return compile(schema, referenced, Settings.DEFAULT_SECRET_KEYS);
    }

    /**
     * Reads and compiles a schema; values under keys matching {@code secretKeys} are masked in messages.
     *
     * @throws ConfigCicdException bad input naming the schema file when it is missing, cannot be parsed or is not a
     *                             valid JSON Schema
     */
    public static SchemaFiles compile(Path schema, List<Path> referenced, List<String> secretKeys) {
        return new SchemaFiles(SchemaDocuments.read(schema, referenced), List.copyOf(secretKeys));
    }

    /** The schema's name as it was given, {@code /} separated. */
    public String schemaName() {
        return schemaName;
    }

    /**
     * Parses and validates the files in parallel (the common fork-join pool: one thread per core), each file parsed,
     * validated and dropped in one step; every problem with a file is a finding, never an exception.
     */
    public ValidationResult validate(List<Path> files, LoadLimits limits) {
        return new ValidationResult(files.parallelStream().flatMap(f -> check(Parsed.of(f, limits)).stream()).toList());
    }

    /**
     * One file, parsed: its tree, or the finding that says why it has none.
     *
     * @param tree    the file's tree, null when it could not be parsed
     * @param problem the finding about a file that could not be parsed, null when it was
     */
    private record Parsed(ConfigNode tree, Finding problem) {

        static Parsed of(Path file, LoadLimits limits) {
            String name = displayName(file);
            try {
                return new Parsed(parse(file, name, limits), null);
            } catch (ConfigCicdException e) {
                Origin at = e.origin().isKnown() ? e.origin() : Origin.file(name);
                return failed(at, e.problem() + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"));
            } catch (NoSuchFileException e) {
                return failed(Origin.file(name), "file not found");
            } catch (IOException e) {
                return failed(Origin.file(name), "cannot be read: " + ioReason(e));
            }
        }

        private static Parsed failed(Origin at, String message) {
            return new Parsed(null, new Finding(PARSE_RULE, Severity.ERROR, ENVIRONMENT, ConfigPath.root(), at, message,
                    Optional.empty()));
        }
    }

    /** The findings of one file: why it cannot be parsed, or what the schema says about it. */
    private List<Finding> check(Parsed parsed) {
        if (parsed.tree() == null) {
            return List.of(parsed.problem());
        }
        ConfigNode tree = parsed.tree();
        Set<Violation> violations = new LinkedHashSet<>();
        for (Error error : main.schema().validate(JsonTrees.toJson(tree))) {
            violations.add(translator.translate(tree, error));
        }
        List<Finding> out = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            out.add(new Finding(SCHEMA_RULE, Severity.ERROR, ENVIRONMENT, v.path(), v.origin(), v.message(),
                    Optional.empty()));
        }
        return out;
    }

    private static ConfigNode parse(Path file, String name, LoadLimits limits) throws IOException {
        Optional<Format> format = Format.ofFileName(name);
        if (format.isEmpty()) {
            throw ConfigCicdException.badInput(Origin.file(name), "not a YAML, JSON or TOML file",
                    "name it .yaml, .yml, .json or .toml");
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw ConfigCicdException.badInput(Origin.file(name), "is a directory", "give the files it holds");
        }
        if (attributes.size() > limits.maxDocumentBytes()) {
            throw JacksonTreeReader.sizeError(name, attributes.size(), limits);
        }
        FormatCodec codec = Codecs.standard().of(format.get());
        return codec.parse(Files.readAllBytes(file), name, limits);
    }

    static String ioReason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    /** A path as the user gave it, with {@code /} separators. */
    static String displayName(Path path) {
        return path.toString().replace(File.separatorChar, '/');
    }
}
