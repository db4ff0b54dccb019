package io.configcicd.core.validate.schema;

import com.networknt.schema.Error;
import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.source.DirectorySnapshot;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Severity;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.ValidationRule;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Validates the effective configuration against every JSON Schema document in {@code schemas/}
 * (ARCHITECTURE 2), with networknt's json-schema-validator: draft 2020-12 unless a document's
 * {@code $schema} names another draft. Documents may refer to each other by file name
 * ({@code {"$ref": "common.schema.json#/$defs/port"}}) or by {@code $id}; see {@link SchemaSet}.
 *
 * <p>Each violation points at the file:line:column of the value to change (for a missing required property,
 * where its parent's key was written; for a property the schema does not allow, that property's key).
 *
 * <p>With {@code strict}, a key that no schema declares is reported as an unknown key even where the schema
 * allows additional properties by leaving {@code additionalProperties} out; see {@link KeyDeclarations} for what
 * counts as declared.
 */
public final class JsonSchemaRule implements ValidationRule {

    public static final String ID = "schema";

    private final SchemaSet schemas;
    private final ErrorTranslator translator;
    private final KeyDeclarations declarations;
    private final boolean strict;

    public JsonSchemaRule(ConfigDirectory directory) {
        this(directory, false);
    }

    /**
     * Reads and compiles the directory's schema documents, with formats asserted.
     *
     * @throws ConfigCicdException bad input naming the file when a schema document cannot be parsed or is not
     *                             a valid JSON Schema
     */
    public JsonSchemaRule(ConfigDirectory directory, boolean strict) {
        this(DirectorySnapshot.of(directory).schemaDocuments(), new SecretMasker(directory.settings().secretKeys()), strict, SchemaOptions.DEFAULT);
    }

    /**
     * Compiles schema documents read elsewhere (for example from a git revision), with formats asserted.
     *
     * @param documents  each schema document by its file name relative to the configuration directory
     * @param secretKeys the settings' secret key patterns, so that messages never quote a secret
     * @throws ConfigCicdException bad input naming the file when a document is not a valid JSON Schema
     */
    public static JsonSchemaRule of(Map<String, ConfigMap> documents, List<String> secretKeys, boolean strict) {
        return of(documents, secretKeys, strict, SchemaOptions.DEFAULT);
    }

    /**
     * Compiles schema documents read elsewhere, applied as {@code options} say ({@code validation.formats}).
     *
     * @throws ConfigCicdException bad input naming the file (and line) when a document is not a valid JSON Schema or
     *                             refers to a schema that is not in {@code schemas/}
     */
    public static JsonSchemaRule of(Map<String, ConfigMap> documents, List<String> secretKeys, boolean strict,
                                    SchemaOptions options) {
        return new JsonSchemaRule(documents, new SecretMasker(secretKeys), strict, options);
    }

    JsonSchemaRule(Map<String, ? extends ConfigNode> documents, SecretMasker masker, boolean strict, SchemaOptions options) {
        this.schemas = new SchemaSet(documents, options, JsonSchemaRule::supplyHint);
        this.translator = new ErrorTranslator(schemas, masker);
        this.declarations = new KeyDeclarations(schemas);
        this.strict = strict;
    }

    /** How a schema that a $ref names is supplied in a configuration directory. */
    private static String supplyHint(String iri) {
        return "put the schema whose \"$id\" is \"" + iri + "\" in " + ConfigDirectory.SCHEMAS_DIR
                + "/ (a file there named " + iri.substring(iri.lastIndexOf('/') + 1) + " is found too)";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    /** Whether unknown keys are reported. */
    public boolean strict() {
        return strict;
    }

    /** The schema documents in use, relative names such as {@code schemas/configuration.schema.json}. */
    public List<String> schemaFiles() {
        return schemas.documents().stream().map(SchemaSet.Document::file).toList();
    }

    @Override
    public List<Violation> check(RuleContext context) {
        ConfigMap effective = context.effective();
        JsonNode instance = JsonTrees.toJson(effective);
        Set<Violation> out = new LinkedHashSet<>();
        for (SchemaSet.Document document : schemas.documents()) {
            for (Error error : document.schema().validate(instance)) {
                out.add(translator.translate(effective, error));
            }
        }
        List<Violation> result = new ArrayList<>(out);
        if (strict) {
            Set<ConfigPath> reported = new HashSet<>();
            result.forEach(v -> reported.add(v.path()));
            result.addAll(declarations.unknownKeys(effective, reported));
        }
        return List.copyOf(result);
    }
}
