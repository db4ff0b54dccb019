package io.configcicd.core.validate.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Turns one networknt {@link Error} into a {@link Violation}: the instance location (a JSON pointer such as
 * {@code /services/manager_agent/port}) becomes a {@link ConfigPath}, the path leads to the origin of the
 * offending value in the effective configuration, and the message is written for a person, ending with the
 * schema file and keyword location, {@code [configuration.schema.json#/$defs/service/properties/port/maximum]}.
 *
 * <p>For {@code required} the violation is at the missing property and points at where its parent's key was
 * written; for {@code additionalProperties} and {@code unevaluatedProperties} it points at the extra key.
 */
final class ErrorTranslator {

    private static final int MAX_SHOWN = 80;

    private final SchemaSet schemas;
    private final SecretMasker masker;

    ErrorTranslator(SchemaSet schemas, SecretMasker masker) {
        this.schemas = schemas;
        this.masker = masker;
    }

    Violation translate(ConfigNode effective, Error error) {
        ConfigPath at = toPath(error.getInstanceLocation());
        String keyword = String.valueOf(error.getKeyword());
        String property = error.getProperty();
        String tail = " [" + schemaLocation(error) + "]";
        switch (keyword) {
            case "required":
            case "dependentRequired":
                ConfigPath missing = property == null ? at : at.child(property);
                return Violation.of(missing, keyOrigin(effective, at),
                        label(at) + ": required property '" + property + "' is missing" + tail);
            case "additionalProperties":
            case "unevaluatedProperties":
                ConfigPath extra = property == null || endsWithKey(at, property) ? at : at.child(property);
                return Violation.of(extra, keyOrigin(effective, extra),
                        label(extra) + ": not allowed by the schema (" + keyword + ")" + tail);
            default:
                ConfigNode node = ConfigNodes.at(effective, at);
                String text = describe(keyword, keywordValue(error), at, node, error);
                return Violation.of(at, originNear(effective, at), label(at) + ": " + text + tail);
        }
    }

    static ConfigPath toPath(NodePath location) {
        ConfigPath path = ConfigPath.root();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? path.child(index) : path.child(String.valueOf(element));
        }
        return path;
    }

    private static boolean endsWithKey(ConfigPath path, String key) {
        return !path.isRoot() && path.last() instanceof ConfigPath.Key k && k.name().equals(key);
    }

    private static String label(ConfigPath path) {
        return path.isRoot() ? "(top level)" : path.toString();
    }

    /** Where the key of a path was written (the value's origin for list items, the root's for the root). */
    static Origin keyOrigin(ConfigNode effective, ConfigPath path) {
        if (path.isRoot()) {
            return effective.origin();
        }
        ConfigNode parent = ConfigNodes.at(effective, path.parent());
        if (parent instanceof ConfigMap m && path.last() instanceof ConfigPath.Key k && m.containsKey(k.name())) {
            return m.keyOrigin(k.name());
        }
        return originNear(effective, path);
    }

    /** The origin of the node at a path, or of its nearest existing ancestor. */
    static Origin originNear(ConfigNode effective, ConfigPath path) {
        ConfigPath p = path;
        while (true) {
            ConfigNode node = ConfigNodes.at(effective, p);
            if (node != null && node.origin().isKnown()) {
                return node.origin();
            }
            if (p.isRoot()) {
                return effective.origin();
            }
            p = p.parent();
        }
    }

    private String schemaLocation(Error error) {
        if (error.getSchemaLocation() == null) {
            return String.valueOf(error.getKeyword());
        }
        String iri = String.valueOf(error.getSchemaLocation().getAbsoluteIri());
        String file = schemas.fileOf(iri).map(SchemaSet::fileName).orElse(iri);
        return file + "#" + fragment(error);
    }

    private static String fragment(Error error) {
        NodePath fragment = error.getSchemaLocation().getFragment();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; fragment != null && i < fragment.getNameCount(); i++) {
            sb.append('/').append(String.valueOf(fragment.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** The value of the failing keyword, read from the schema document; null when it cannot be found. */
    private JsonNode keywordValue(Error error) {
        if (error.getSchemaLocation() == null) {
            return null;
        }
        String iri = String.valueOf(error.getSchemaLocation().getAbsoluteIri());
        return schemas.treeOf(iri).map(t -> t.at(fragment(error))).filter(n -> !n.isMissingNode()).orElse(null);
    }

    private String describe(String keyword, JsonNode expected, ConfigPath at, ConfigNode node, Error error) {
        String found = found(at, node);
        String want = expected == null ? "?" : expected.toString();
        switch (keyword) {
            case "maximum":
                return "must be at most " + want + found;
            case "minimum":
                return "must be at least " + want + found;
            case "exclusiveMaximum":
                return "must be less than " + want + found;
            case "exclusiveMinimum":
                return "must be greater than " + want + found;
            case "type":
                return "must be " + typeWords(expected) + ", not " + article(node == null ? "null" : node.typeName()) + found;
            case "enum":
                return "must be one of " + want + found;
            case "const":
                return "must be " + want + found;
            case "pattern":
                return "must match the pattern " + want + found;
            case "minLength":
                return "must be at least " + want + " characters long" + found;
            case "maxLength":
                return "must be at most " + want + " characters long" + found;
            case "minItems":
                return "must have at least " + want + " items";
            case "maxItems":
                return "must have at most " + want + " items";
            case "uniqueItems":
                return "items must be unique";
            case "format":
                return "must be a valid " + (expected == null ? "value" : expected.asString()) + found;
            default:
                return libraryMessage(error);
        }
    }

    private String found(ConfigPath at, ConfigNode node) {
        if (!(node instanceof ConfigScalar s)) {
            return "";
        }
        if (masker.isSecret(at) && !SecretMasker.isPureReference(s)) {
            return " (found " + SecretMasker.MASK + ")";
        }
        String shown = s.type() == ScalarType.STRING ? '"' + s.asText() + '"' : s.asText();
        if (shown.length() > MAX_SHOWN) {
            shown = shown.substring(0, MAX_SHOWN) + "...";
        }
        return " (found " + shown + ")";
    }

    private static String typeWords(JsonNode expected) {
        if (expected == null) {
            return "of another type";
        }
        if (expected.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < expected.size(); i++) {
                sb.append(i == 0 ? "" : i == expected.size() - 1 ? " or " : ", ").append(article(jsonTypeWord(expected.get(i).asString())));
            }
            return sb.toString();
        }
        return article(jsonTypeWord(expected.asString()));
    }

    private static String jsonTypeWord(String type) {
        return "object".equals(type) ? "mapping" : "array".equals(type) ? "list" : type;
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.isEmpty() ? 'x' : word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    /** networknt's message without the instance location it starts with. */
    private static String libraryMessage(Error error) {
        String m = String.valueOf(error.getMessage());
        String prefix = error.getInstanceLocation() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
