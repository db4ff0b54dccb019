package io.configcicd.core.validate.schema;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.Codecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema documents {@link SchemaFiles} compiles: the main schema first, then the referenced schemas given, then
 * every file that a relative {@code $ref} of an already read document names beside that document (transitively).
 * Names are the paths as given, {@code /} separated; trees keep their origins, for errors at a file:line.
 */
record SchemaDocuments(String mainName, Map<String, ConfigNode> trees) {

    SchemaDocuments {
        trees = Collections.unmodifiableMap(new LinkedHashMap<>(trees));
    }

    /**
     * Reads the main schema and the ones it needs.
     *
     * @throws ConfigCicdException bad input naming the schema file when one is missing or cannot be parsed
     */
    static SchemaDocuments read(Path schema, List<Path> referenced) {
        Map<String, ConfigNode> trees = new LinkedHashMap<>();
        Deque<Path> pending = new ArrayDeque<>();
        pending.add(schema);
        pending.addAll(referenced);
        while (!pending.isEmpty()) {
            Path next = pending.poll();
            String name = SchemaFiles.displayName(next);
            if (trees.containsKey(name)) {
                continue;
            }
            ConfigNode tree = readOne(next, name);
            trees.put(name, tree);
            for (String ref : relativeFileRefs(tree)) {
                sibling(next, ref).filter(p -> !trees.containsKey(SchemaFiles.displayName(p))).ifPresent(pending::add);
            }
        }
        return new SchemaDocuments(SchemaFiles.displayName(schema), trees);
    }

    private static ConfigCicdException missing(String name) {
        return ConfigCicdException.badInput("schema file " + name + " does not exist",
                "give the path of a JSON Schema document (.json, .yaml or .yml)");
    }

    private static ConfigNode readOne(Path path, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw missing(name);
        } catch (IOException e) {
            throw ConfigCicdException.badInput("schema file " + name + " cannot be read: "
                    + SchemaFiles.ioReason(e), "give the path of a readable JSON Schema document");
        }
        Format format = Format.ofFileName(name).filter(f -> f == Format.YAML).orElse(Format.JSON);
        try {
            return Codecs.standard().of(format).parse(bytes, name, LoadLimits.DEFAULT);
        } catch (ConfigCicdException e) {
            boolean located = e.origin().isKnown();
            throw ConfigCicdException.badInput(located ? e.origin() : Origin.UNKNOWN,
                    (located ? "the schema" : "schema file " + name) + " is not valid " + format.name() + ": " + e.problem(),
                    "fix the schema document; it must be JSON (or YAML when named .yaml or .yml)");
        }
    }

    /** The file parts (before {@code #}) of the relative {@code $ref}s of a tree: no scheme, not fragment-only. */
    static List<String> relativeFileRefs(ConfigNode tree) {
        List<String> out = new ArrayList<>();
        collect(tree, out);
        return out;
    }

    private static void collect(ConfigNode node, List<String> out) {
        if (node instanceof ConfigMap map) {
            if (map.getOrNull("$ref") instanceof ConfigScalar ref && ref.type() == ScalarType.STRING) {
                String file = SchemaSet.stripFragment(ref.asText());
                if (!file.isEmpty() && !file.contains(":") && !out.contains(file)) {
                    out.add(file);
                }
            }
            map.entries().values().forEach(child -> collect(child, out));
        } else if (node instanceof ConfigList list) {
            list.items().forEach(child -> collect(child, out));
        }
    }

    /** The file a relative reference names beside a schema, when it exists. */
    private static Optional<Path> sibling(Path schema, String ref) {
        try {
            Path candidate = schema.resolveSibling(ref).normalize();
            return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
