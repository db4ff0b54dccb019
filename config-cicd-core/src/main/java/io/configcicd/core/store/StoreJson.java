package io.configcicd.core.store;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON forms stores share: a flat object of text values (a keys-layout target in a file or one JSON value,
 * a deployed record). Written one entry a line in the given order; read back strictly (duplicate names refused),
 * a non-text value read as its compact JSON.
 */
public final class StoreJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private StoreJson() {
    }

    /** {@code {"a": "1", "b": "x"}} over several lines, in the map's order, with a final newline. */
    public static byte[] writeFlat(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return "{}\n".getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(64 * entries.size()).append("{\n");
        int left = entries.size();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            out.append("  ");
            CompactJson.quote(e.getKey(), out);
            out.append(": ");
            CompactJson.quote(e.getValue(), out);
            out.append(--left > 0 ? ",\n" : "\n");
        }
        return out.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The content of a keys-layout target as one JSON text. */
    public static byte[] writeKeys(StoreContent.Keys keys) {
        return writeFlat(keys.entries());
    }

    public static StoreContent.Keys readKeys(byte[] json) {
        return StoreContent.Keys.of(readFlat(json));
    }

    public static byte[] writeRecord(DeployedRecord record) {
        return writeFlat(record.toFields());
    }

    /** @throws IllegalArgumentException when the text is not a record (the message names no value) */
    public static DeployedRecord readRecord(byte[] json) {
        return DeployedRecord.fromFields(readFlat(json));
    }

    /** @throws IllegalArgumentException when the text is not a JSON object (the message names no value) */
    public static Map<String, String> readFlat(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON (line " + e.getLocation().getLineNr() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isString() ? v.stringValue() : v.toString());
        }
        return out;
    }
}
