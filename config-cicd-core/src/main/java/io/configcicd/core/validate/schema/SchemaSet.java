package io.configcicd.core.validate.schema;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.DefaultDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.DialectId;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The schema documents of a configuration directory, compiled with networknt's {@link SchemaRegistry}.
 *
 * <p>Every document is registered under {@code file:///schemas/<file name>} and, when it has one, under its
 * {@code $id}. A reference whose absolute IRI is neither (for example {@code common.schema.json} resolved
 * against another document's {@code $id}) is found by its last path segment when that is the name of a
 * document in {@code schemas/}, so {@code {"$ref": "common.schema.json#/$defs/port"}} works whether or not the
 * documents declare an {@code $id}. Nothing is fetched from the network: a reference to a document that is not
 * there is bad input naming the reference, where it was written and how to supply the document
 * ({@link MissingDocuments}).
 *
 * <p>The registry gets the documents as the trees they are ({@link TreeReader}), not as text to parse again, and
 * reads the meta-schemas without a Jackson {@code ObjectMapper}, whose construction would dominate a short run.
 */
final class SchemaSet {

    static final String BASE = "file:///schemas/";

    /** One compiled document: its file name (relative, {@code schemas/x.json}), its tree and its schema. */
    record Document(String file, JsonNode tree, Schema schema) {
    }

    private final Map<String, String> fileByIri = new LinkedHashMap<>();
    private final Map<String, JsonNode> treeByName = new LinkedHashMap<>();
    private final Map<String, JsonNode> treeByIri = new LinkedHashMap<>();
    private final List<Document> documents = new ArrayList<>();

    /**
     * Compiles documents given as relative file name ({@code schemas/x.json}) to parsed tree, in order.
     *
     * @param supply how a user supplies a referenced schema that is not there, for the hint of that error; it is
     *               given the IRI of the missing document
     * @throws ConfigCicdException bad input naming the file (and the line of the {@code $ref}) when a document is
     *                             not a valid schema or refers to a document that is not there
     */
    SchemaSet(Map<String, ? extends ConfigNode> sources, SchemaOptions options, UnaryOperator<String> supply) {
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        sources.forEach((file, source) -> trees.put(file, JsonTrees.toJson(source)));
        trees.forEach(this::register);
        SchemaRegistry registry = registry(options, this::lookup);
        trees.forEach((file, tree) -> documents.add(new Document(file, tree,
                compile(registry, file, tree, new MissingDocuments(sources.get(file), supply)))));
    }

    /**
     * The registry every schema of the product is compiled with: documents read by {@link TreeReader}, found by
     * {@code lookup} (the meta-schemas of every draft come from networknt's jar, and nothing else is loaded: no
     * schema is ever fetched from the network); every draft's formats with {@link FormatChecks}' corrections,
     * asserted as {@code options} say, and {@code pattern} with ECMA-262 semantics (Joni).
     */
    static SchemaRegistry registry(SchemaOptions options, ResourceLoader lookup) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(options.assertFormats())
                .regularExpressionFactory(JoniRegularExpressionFactory.getInstance()).build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config)
                .dialectRegistry(new DefaultDialectRegistry(Dialects::corrected)).nodeReader(TreeReader.INSTANCE)
                .resourceLoaders(loaders -> loaders.add(lookup)));
    }

    /**
     * The dialects of drafts 4 to 2020-12 with the corrected formats, each built when a schema first names it (a
     * draft's keywords cost start-up time, and most runs use one draft).
     */
    private static final class Dialects {

        private static final Map<String, Supplier<Dialect>> DRAFTS = Map.of(
                DialectId.DRAFT_2020_12, com.networknt.schema.dialect.Dialects::getDraft202012,
                DialectId.DRAFT_2019_09, com.networknt.schema.dialect.Dialects::getDraft201909,
                DialectId.DRAFT_7, com.networknt.schema.dialect.Dialects::getDraft7,
                DialectId.DRAFT_6, com.networknt.schema.dialect.Dialects::getDraft6,
                DialectId.DRAFT_4, com.networknt.schema.dialect.Dialects::getDraft4);
        private static final Map<String, Dialect> CORRECTED = new ConcurrentHashMap<>();

        private Dialects() {
        }

        /** The corrected dialect of a draft's id (as the registry normalizes it), or null for any other id. */
        static Dialect corrected(String id) {
            Supplier<Dialect> draft = DRAFTS.get(id);
            return draft == null ? null : CORRECTED.computeIfAbsent(id,
                    i -> Dialect.builder(draft.get()).formats(FormatChecks.corrections()).build());
        }
    }

    private void register(String file, JsonNode tree) {
        if (!tree.isObject() && !tree.isBoolean()) {
            throw invalid(file, "a schema is a JSON object or a boolean, not " + tree.getNodeType().name().toLowerCase());
        }
        String name = fileName(file);
        put(BASE + name, file, tree);
        treeByName.put(name, tree);
        idOf(tree).ifPresent(id -> put(stripFragment(id), file, tree));
    }

    private void put(String iri, String file, JsonNode tree) {
        fileByIri.put(iri, file);
        treeByIri.put(iri, tree);
    }

    /** The document an absolute IRI names, or null to let the registry look further (meta-schemas). */
    private InputStreamSource lookup(AbsoluteIri iri) {
        String base = stripFragment(iri.toString());
        JsonNode tree = treeByIri.get(base);
        if (tree == null) {
            tree = treeByName.get(lastSegment(base));
        }
        return tree == null ? null : TreeReader.source(tree);
    }

    private Schema compile(SchemaRegistry registry, String file, JsonNode tree, MissingDocuments missing) {
        try {
            checkAgainstMetaSchema(registry, file, tree);
            Schema schema = registry.getSchema(SchemaLocation.of(BASE + fileName(file)));
            schema.initializeValidators();
            return schema;
        } catch (SchemaException e) {
            missing.check(file, e);
            throw invalid(file, describe(e));
        } catch (RuntimeException e) {
            if (e instanceof ConfigCicdException) {
                throw e;
            }
            throw invalid(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static void checkAgainstMetaSchema(SchemaRegistry registry, String file, JsonNode tree) {
        String dialect = tree.isObject() && tree.path("$schema").isString()
                ? tree.get("$schema").stringValue() : SpecificationVersion.DRAFT_2020_12.getDialectId();
        Schema meta = registry.getSchema(SchemaLocation.of(dialect));
        List<Error> errors = meta.validate(tree);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            throw invalid(file, "at " + pointer(first) + ": " + first.getMessage()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
    }

    private static String pointer(Error e) {
        String p = e.getInstanceLocation().toString();
        return p.isEmpty() || p.equals("$") ? "the top level" : p;
    }

    private static String describe(SchemaException e) {
        Error error = e.getError();
        return error != null && error.getMessage() != null ? error.getMessage() : String.valueOf(e.getMessage());
    }

    private static ConfigCicdException invalid(String file, String why) {
        return ConfigCicdException.badInput(Origin.file(file), file + " is not a valid JSON Schema: " + why,
                "fix the schema document (JSON Schema draft 2020-12 unless its $schema says otherwise)");
    }

    List<Document> documents() {
        return List.copyOf(documents);
    }

    /** The file a schema IRI (with or without fragment) belongs to, as a relative name; empty when unknown. */
    Optional<String> fileOf(String iri) {
        String base = stripFragment(iri);
        String file = fileByIri.get(base);
        if (file == null && treeByName.containsKey(lastSegment(base))) {
            file = fileByIri.get(BASE + lastSegment(base));
        }
        return Optional.ofNullable(file);
    }

    /** The tree of the document an IRI (fragment ignored) names, found as {@link #lookup} finds it. */
    Optional<JsonNode> treeOf(String iri) {
        return fileOf(iri).map(f -> treeByIri.get(BASE + fileName(f)));
    }

    static Optional<String> idOf(JsonNode tree) {
        JsonNode id = tree.isObject() ? tree.get("$id") : null;
        return id != null && id.isString() && !id.stringValue().isEmpty() ? Optional.of(id.stringValue()) : Optional.empty();
    }

    static String fileName(String file) {
        return lastSegment(file);
    }

    private static String lastSegment(String s) {
        return s.substring(s.lastIndexOf('/') + 1);
    }

    static String stripFragment(String iri) {
        int hash = iri.indexOf('#');
        return hash < 0 ? iri : iri.substring(0, hash);
    }
}
