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
import tools.jackson.databind.JsonNode;

/**
 * Validates arbitrary YAML, JSON and TOML files against one JSON Schema, as ajv-cli or kubeconform do, for
 * configuration that does not follow the configuration-directory layout ({@code config-cicd validate --schema S
 * FILE...}).
 *
 * <p>The schema is read and compiled once ({@link #compile}); the files are then parsed and validated in parallel.
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
        return compile(schema, referenced).validate(files, limits);
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
        return new ValidationResult(files.parallelStream().flatMap(f -> check(f, limits).stream()).toList());
    }

    /** The findings of one file: why it cannot be parsed, or what the schema says about it. */
    private List<Finding> check(Path file, LoadLimits limits) {
        String name = displayName(file);
        ConfigNode tree;
        try {
            tree = parse(file, name, limits);
        } catch (ConfigCicdException e) {
            Origin at = e.origin().isKnown() ? e.origin() : Origin.file(name);
            return parseFinding(at, e.problem() + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"));
        } catch (NoSuchFileException e) {
            return parseFinding(Origin.file(name), "file not found");
        } catch (IOException e) {
            return parseFinding(Origin.file(name), "cannot be read: " + ioReason(e));
        }
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

    private static List<Finding> parseFinding(Origin at, String message) {
        return List.of(new Finding(PARSE_RULE, Severity.ERROR, ENVIRONMENT, ConfigPath.root(), at, message,
                Optional.empty()));
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
