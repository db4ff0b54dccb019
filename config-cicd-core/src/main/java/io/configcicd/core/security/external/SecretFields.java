package io.configcicd.core.security.external;

import io.configcicd.core.ConfigCicdException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of a secret held as a JSON object, picked by {@code #KEY}. Parse failures never carry the parser's
 * message or cause: a JSON parser quotes the text it failed on, and that text is the secret.
 */
final class SecretFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecretFields() {
    }

    /** The JSON text parsed, or empty when it is not valid JSON. The text never reaches an exception. */
    static Optional<JsonNode> parse(String json) {
        try {
            return Optional.of(JSON.readTree(json));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The members of a JSON object as text: strings as they are, other values as JSON. */
    static Map<String, String> fields(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isString() ? v.asString() : v.isNull() ? "" : JSON.writeValueAsString(v));
        }
        return Map.copyOf(out);
    }

    /** The field {@code key} of a secret, or a bad-input error naming the secret and the key (not the value). */
    static String pick(Map<String, String> fields, SecretReference ref, String where) {
        String key = ref.key().orElseThrow();
        String value = fields.get(key);
        if (value == null) {
            throw ConfigCicdException.badInput("no key '" + key + "' in " + where + " (" + ref.display() + ")",
                    "the secret has keys " + new TreeSet<>(fields.keySet()));
        }
        return value;
    }
}
