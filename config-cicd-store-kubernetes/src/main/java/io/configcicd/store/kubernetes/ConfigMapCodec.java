package io.configcicd.store.kubernetes;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The mapping between store content and a ConfigMap's (or Secret's) {@code data}, and between the deployed record
 * and the object's annotations (ARCHITECTURE 3a). Pure and SDK-free, so that the rules the fabric8 mock does not
 * enforce are checked here, before anything is written: data keys must be valid ConfigMap keys
 * ({@code [-._a-zA-Z0-9]+}, at most 253 characters, not {@code .} or {@code ..}) and data may hold at most
 * {@value #LIMIT_BYTES} bytes (keys plus values, as the API server counts them; it answers 422 above).
 */
final class ConfigMapCodec {

    /** The API server's limit on a ConfigMap's or Secret's data + binaryData. */
    static final long LIMIT_BYTES = 1024L * 1024;
    /** The hex digits of the content's SHA-256 in an immutable ConfigMap's name. */
    static final int HASH_PREFIX = 10;
    static final String PREFIX = "config-cicd.io/";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "config-cicd";
    /** The label that ties immutable ConfigMaps to their pointer: the pointer's name. */
    static final String TARGET_LABEL = PREFIX + "target";
    /** The pointer's data key naming the current immutable ConfigMap. */
    static final String POINTER_KEY = "current";

    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final int MAX_KEY = 253;
    private static final int NAMED_AT_MOST = 10;

    private ConfigMapCodec() {
    }

    /** The data key of the {@code document} layout: {@code application.json} or {@code application.yaml}. */
    static String documentKey(DocumentFormat format) {
        return "application." + format.extension();
    }

    /**
     * The data an object holds for the content.
     *
     * @throws ConfigCicdException bad input naming the entries that are not valid ConfigMap keys
     * @throws StoreException      TOO_LARGE above {@value #LIMIT_BYTES} bytes
     */
    static SortedMap<String, String> toData(String target, StoreContent content, DocumentFormat format) {
        SortedMap<String, String> data = new TreeMap<>();
        if (content instanceof StoreContent.Document doc) {
            if (!doc.isEmpty()) {
                data.put(documentKey(format), doc.text());
            }
        } else {
            data.putAll(((StoreContent.Keys) content).entries());
            refuseInvalidKeys(target, data);
        }
        long size = sizeBytes(data);
        if (size > LIMIT_BYTES) {
            throw new StoreException(StoreException.Reason.TOO_LARGE, target, "the data is " + size
                    + " bytes, above the " + LIMIT_BYTES + " bytes a ConfigMap or Secret may hold; nothing was written",
                    "split the configuration over several targets or make it smaller");
        }
        return data;
    }

    /** Bytes of keys and values, as the API server adds them up. */
    static long sizeBytes(Map<String, String> data) {
        long size = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    static boolean validKey(String key) {
        return key.length() <= MAX_KEY && KEY.matcher(key).matches() && !key.equals(".") && !key.equals("..");
    }

    private static void refuseInvalidKeys(String target, Map<String, String> data) {
        List<String> invalid = new ArrayList<>();
        int count = 0;
        for (String key : data.keySet()) {
            if (!validKey(key)) {
                count++;
                if (invalid.size() < NAMED_AT_MOST) {
                    invalid.add(key);
                }
            }
        }
        if (count > 0) {
            throw ConfigCicdException.badInput("target " + target + ": " + count + " configuration path"
                    + (count == 1 ? " is not a valid" : "s are not valid") + " ConfigMap key" + (count == 1 ? "" : "s")
                    + " (letters, digits, '-', '_' and '.', at most 253 characters): " + String.join(", ", invalid)
                    + (count > invalid.size() ? ", ..." : ""), "rename those keys in the configuration, or use"
                    + " layout: document, which holds the whole configuration under one data key");
        }
    }

    /** The content of data read back; an empty map is empty content. */
    static StoreContent fromData(Map<String, String> data, Layout layout, DocumentFormat format) {
        if (layout == Layout.KEYS) {
            return StoreContent.Keys.of(data);
        }
        String text = data.get(documentKey(format));
        if (text == null) {
            return StoreContent.empty(Layout.DOCUMENT);
        }
        return new StoreContent.Document(text, format.mediaType());
    }

    /** The record as annotations: {@code config-cicd.io/commit}, {@code .../deployment-id}, {@code .../sha256}, {@code .../time}. */
    static Map<String, String> annotations(DeployedRecord record) {
        Map<String, String> out = new LinkedHashMap<>();
        record.toFields().forEach((k, v) -> out.put(PREFIX + k.replace('_', '-'), v));
        return out;
    }

    /**
     * The record the annotations hold; empty when they hold none.
     *
     * @throws IllegalArgumentException naming the annotation that is missing or malformed (never a value)
     */
    static Optional<DeployedRecord> record(Map<String, String> annotations) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : DeployedRecord.FIELDS) {
            String v = annotations.get(PREFIX + field.replace('_', '-'));
            if (v != null) {
                fields.put(field, v);
            }
        }
        return fields.isEmpty() ? Optional.empty() : Optional.of(DeployedRecord.fromFields(fields));
    }

    /** The record's annotations are ours; other annotations of the object are kept as they are. */
    static boolean isRecordAnnotation(String key) {
        return DeployedRecord.FIELDS.stream().anyMatch(f -> key.equals(PREFIX + f.replace('_', '-')));
    }

    /** {@code <name>-<first 10 hex digits of the content's SHA-256>}: an immutable ConfigMap's name. */
    static String immutableName(String name, StoreContent content) {
        return name + "-" + content.sha256().substring(0, HASH_PREFIX);
    }
}
