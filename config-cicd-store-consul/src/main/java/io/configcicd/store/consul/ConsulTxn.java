package io.configcicd.store.consul;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code PUT /v1/txn}: a list of KV operations Consul applies all or none of. 200 carries the new
 * {@code ModifyIndex} of every key set; 409 (rolled back) carries {@code Errors}, each with the index of the
 * operation and why: an expected answer, returned as {@link Outcome#errors()}, not thrown. Anything else is a
 * {@link io.configcicd.core.store.StoreException} from {@link ConsulErrors}.
 */
final class ConsulTxn {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One KV operation: {@code cas}, {@code delete-cas}, {@code check-index}, {@code check-not-exists}. */
    record Op(String verb, String key, Optional<byte[]> value, long index) {
        Op {
            Objects.requireNonNull(verb, "verb");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        static Op cas(String key, String value, long index) {
            return new Op("cas", key, Optional.of(value.getBytes(StandardCharsets.UTF_8)), index);
        }

        /** Unconditional: only for {@code test-stores}' probe key, never for configuration. */
        static Op set(String key, String value) {
            return new Op("set", key, Optional.of(value.getBytes(StandardCharsets.UTF_8)), 0);
        }

        /** Exactly one key (never a tree): only for {@code test-stores}' probe key. */
        static Op delete(String key) {
            return new Op("delete", key, Optional.empty(), 0);
        }

        static Op deleteCas(String key, long index) {
            return new Op("delete-cas", key, Optional.empty(), index);
        }

        /** The record is where it was read: at {@code index}, or absent when {@code index} is 0. */
        static Op check(String key, long index) {
            return index == 0 ? new Op("check-not-exists", key, Optional.empty(), 0)
                    : new Op("check-index", key, Optional.empty(), index);
        }

        boolean isCheck() {
            return verb.startsWith("check-");
        }

        /** The bytes this operation adds to a request body, about. */
        int estimatedBytes() {
            return 96 + key.length() * 2 + value.map(v -> (v.length + 2) / 3 * 4).orElse(0);
        }

        /** For messages: the verb and key, never the value. */
        String describe() {
            return verb + " " + key;
        }

        void writeTo(StringBuilder out) {
            out.append("{\"KV\":{\"Verb\":\"").append(verb).append("\",\"Key\":");
            out.append(JSON.writeValueAsString(key));
            value.ifPresent(v -> out.append(",\"Value\":\"").append(Base64.getEncoder().encodeToString(v)).append('"'));
            out.append(",\"Index\":").append(index).append("}}");
        }
    }

    record TxnError(int opIndex, String what) {
    }

    /** Applied (new ModifyIndex of each key set), or rolled back with Consul's errors. */
    record Outcome(boolean applied, Map<String, Long> modifyIndexes, List<TxnError> errors) {
        Outcome {
            modifyIndexes = Map.copyOf(modifyIndexes);
            errors = List.copyOf(errors);
        }
    }

    private final OkHttpClient http;
    private final ConsulSettings settings;

    ConsulTxn(OkHttpClient http, ConsulSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    Outcome run(List<Op> ops, String doing) {
        StringBuilder body = new StringBuilder(128 * ops.size()).append('[');
        for (int i = 0; i < ops.size(); i++) {
            body.append(i == 0 ? "" : ",");
            ops.get(i).writeTo(body);
        }
        body.append(']');
        Request.Builder request = new Request.Builder().url(url())
                .put(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON_TYPE));
        settings.token().ifPresent(t -> request.header("X-Consul-Token", t));
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body().string();
            if (response.code() == 200) {
                return new Outcome(true, indexes(text), List.of());
            }
            if (response.code() == 409) {
                return new Outcome(false, Map.of(), errors(text));
            }
            throw ConsulErrors.status(settings.target(), settings.maskedUrl(), doing, response.code(), text);
        } catch (IOException e) {
            throw ConsulErrors.io(settings.target(), settings.maskedUrl(), doing, e);
        } catch (RuntimeException e) {
            throw ConsulErrors.translate(settings.target(), settings.maskedUrl(), doing, e);
        }
    }

    private String url() {
        String base = settings.url().toString().replaceAll("/+$", "");
        return base + "/v1/txn" + settings.datacenter()
                .map(dc -> "?dc=" + URLEncoder.encode(dc, StandardCharsets.UTF_8)).orElse("");
    }

    private static Map<String, Long> indexes(String text) {
        Map<String, Long> out = new HashMap<>();
        JsonNode results = tree(text).path("Results");
        for (JsonNode r : results) {
            JsonNode kv = r.path("KV");
            if (kv.has("Key")) {
                out.put(kv.get("Key").asString(), kv.path("ModifyIndex").asLong());
            }
        }
        return out;
    }

    private static List<TxnError> errors(String text) {
        List<TxnError> out = new ArrayList<>();
        for (JsonNode e : tree(text).path("Errors")) {
            out.add(new TxnError(e.path("OpIndex").asInt(-1), e.path("What").asString("")));
        }
        if (out.isEmpty()) {
            out.add(new TxnError(-1, "rolled back without errors"));
        }
        return out;
    }

    private static JsonNode tree(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }
}
