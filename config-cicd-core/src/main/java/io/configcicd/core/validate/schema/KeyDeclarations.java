package io.configcicd.core.validate.schema;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The strict check: walks the effective configuration beside the schema documents and reports every key
 * that no schema declares.
 *
 * <p>A key of a mapping is declared when a schema that applies to the mapping names it in
 * {@code properties}, matches it with a {@code patternProperties} regular expression, or gives
 * {@code additionalProperties} / {@code unevaluatedProperties} as a schema (or {@code true}). The schemas that
 * apply are followed through {@code $ref} (same document, another document of {@code schemas/} by file name
 * or {@code $id}, JSON-pointer fragments), {@code allOf}, {@code anyOf}, {@code oneOf}, {@code then} and
 * {@code else}, and list items through {@code items} and {@code prefixItems}.
 *
 * <p>Limits, on purpose: a mapping whose schemas say nothing about keys (no {@code properties},
 * {@code patternProperties}, {@code additionalProperties}), or that a {@code true} schema, an anchor
 * ({@code #name}) or {@code $dynamicRef} reference, or an unresolvable reference applies to, is free-form and
 * not checked below that point; {@code if} and {@code dependentSchemas} are not evaluated; every branch of
 * {@code anyOf}/{@code oneOf} counts, whether or not the value matches it.
 */
final class KeyDeclarations {

    private static final int MAX_DEPTH = 64;

    /** A schema node and the document it belongs to (for resolving {@code $ref}). */
    private record Scoped(JsonNode schema, JsonNode document) {
    }

    private final SchemaSet schemas;

    KeyDeclarations(SchemaSet schemas) {
        this.schemas = schemas;
    }

    /** Unknown keys of the effective configuration, skipping the paths already reported. */
    List<Violation> unknownKeys(ConfigMap effective, Set<ConfigPath> alreadyReported) {
        List<Scoped> roots = new ArrayList<>();
        for (SchemaSet.Document d : schemas.documents()) {
            roots.add(new Scoped(d.tree(), d.tree()));
        }
        List<Violation> out = new ArrayList<>();
        walk(effective, ConfigPath.root(), roots, alreadyReported, out, 0);
        return out;
    }

    private void walk(ConfigNode node, ConfigPath path, List<Scoped> direct, Set<ConfigPath> skip,
                      List<Violation> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        Optional<List<Scoped>> expanded = expand(direct);
        if (expanded.isEmpty()) {
            return;
        }
        if (node instanceof ConfigMap map) {
            walkMap(map, path, expanded.get(), skip, out, depth);
        } else if (node instanceof ConfigList list) {
            for (int i = 0; i < list.size(); i++) {
                List<Scoped> items = itemSchemas(expanded.get(), i);
                if (!items.isEmpty()) {
                    walk(list.get(i), path.child(i), items, skip, out, depth + 1);
                }
            }
        }
    }

    private void walkMap(ConfigMap map, ConfigPath path, List<Scoped> schemas, Set<ConfigPath> skip,
                         List<Violation> out, int depth) {
        List<Scoped> declaring = schemas.stream().filter(KeyDeclarations::declaresKeys).toList();
        if (declaring.isEmpty()) {
            return;
        }
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            ConfigPath child = path.child(e.getKey());
            List<Scoped> childSchemas = new ArrayList<>();
            for (Scoped s : declaring) {
                childSchemas.addAll(propertySchemas(s, e.getKey()));
            }
            if (!childSchemas.isEmpty()) {
                walk(e.getValue(), child, childSchemas, skip, out, depth + 1);
            } else if (!skip.contains(child)) {
                out.add(Violation.of(child, map.keyOrigin(e.getKey()),
                        child + ": unknown key, no schema declares it (strict)"));
            }
        }
    }

    private static boolean declaresKeys(Scoped s) {
        JsonNode n = s.schema();
        return n.has("properties") || n.has("patternProperties") || n.has("additionalProperties")
                || n.has("unevaluatedProperties");
    }

    /** The schemas one schema gives a property: by name, by pattern, else additional/unevaluated properties. */
    private static List<Scoped> propertySchemas(Scoped s, String key) {
        List<Scoped> out = new ArrayList<>();
        JsonNode named = s.schema().path("properties").get(key);
        if (named != null) {
            out.add(new Scoped(named, s.document()));
        }
        for (Map.Entry<String, JsonNode> p : s.schema().path("patternProperties").properties()) {
            if (matches(p.getKey(), key)) {
                out.add(new Scoped(p.getValue(), s.document()));
            }
        }
        if (out.isEmpty()) {
            for (String keyword : List.of("additionalProperties", "unevaluatedProperties")) {
                JsonNode extra = s.schema().get(keyword);
                if (extra != null && (extra.isObject() || (extra.isBoolean() && extra.booleanValue()))) {
                    out.add(new Scoped(extra, s.document()));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean matches(String regex, String key) {
        try {
            return Pattern.compile(regex).matcher(key).find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static List<Scoped> itemSchemas(List<Scoped> schemas, int index) {
        List<Scoped> out = new ArrayList<>();
        for (Scoped s : schemas) {
            JsonNode prefix = s.schema().get("prefixItems");
            JsonNode items = s.schema().get("items");
            if (prefix != null && prefix.isArray() && index < prefix.size()) {
                out.add(new Scoped(prefix.get(index), s.document()));
            } else if (items != null && items.isArray()) {
                if (index < items.size()) {
                    out.add(new Scoped(items.get(index), s.document()));
                }
            } else if (items != null) {
                out.add(new Scoped(items, s.document()));
            }
        }
        return out;
    }

    /**
     * The schemas that apply to the same value, following references and combinators; empty when one of them
     * makes the value free-form (a {@code true} schema, an anchor or dynamic reference, an unresolvable one).
     */
    private Optional<List<Scoped>> expand(List<Scoped> direct) {
        List<Scoped> out = new ArrayList<>();
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Scoped s : direct) {
            if (!expandInto(s, out, seen)) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private boolean expandInto(Scoped s, List<Scoped> out, Set<JsonNode> seen) {
        JsonNode n = s.schema();
        if (n.isBoolean()) {
            return !n.booleanValue();
        }
        if (!n.isObject() || !seen.add(n)) {
            return true;
        }
        if (n.has("$dynamicRef") || n.has("$recursiveRef")) {
            return false;
        }
        out.add(s);
        if (n.has("$ref")) {
            Optional<Scoped> target = resolve(n.get("$ref").asString(), s.document());
            if (target.isEmpty() || !expandInto(target.get(), out, seen)) {
                return false;
            }
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode sub : n.path(keyword)) {
                if (!expandInto(new Scoped(sub, s.document()), out, seen)) {
                    return false;
                }
            }
        }
        for (String keyword : List.of("then", "else")) {
            if (n.has(keyword) && !expandInto(new Scoped(n.get(keyword), s.document()), out, seen)) {
                return false;
            }
        }
        return true;
    }

    /** A reference: {@code #/json/pointer} in the same document, or {@code other.json#/pointer}. */
    private Optional<Scoped> resolve(String ref, JsonNode document) {
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode doc = target.isEmpty() ? document : schemas.treeOf(target).orElse(null);
        if (doc == null || (!fragment.isEmpty() && !fragment.startsWith("/"))) {
            return Optional.empty();
        }
        JsonNode node = fragment.isEmpty() ? doc : doc.at(decode(fragment));
        return node.isMissingNode() ? Optional.empty() : Optional.of(new Scoped(node, doc));
    }

    private static String decode(String fragment) {
        return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
