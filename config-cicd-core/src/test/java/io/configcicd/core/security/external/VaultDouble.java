package io.configcicd.core.security.external;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for HashiCorp Vault's KV version 2 read API, answering as Vault does (no Vault runs on the build
 * machines): {@code GET /v1/MOUNT/data/PATH} with {@code X-Vault-Token} gives
 * {@code {"data":{"data":{...},"metadata":{...}}, ...}}; a missing or wrong token gives 403
 * {@code {"errors":["permission denied"]}}; an unknown path 404 {@code {"errors":[]}}.
 *
 * <pre>{@code
 * try (VaultDouble vault = VaultDouble.start("s.token").put("secret/data/db", Map.of("password", "pw"))) {
 *     env = Map.of("VAULT_ADDR", vault.address(), "VAULT_TOKEN", "s.token");
 * }
 * }</pre>
 */
public final class VaultDouble extends JsonHttpDouble {

    private final String token;
    private final Map<String, Map<String, Object>> secrets = new ConcurrentHashMap<>();
    private volatile String lastNamespace;

    private VaultDouble(String token) {
        this.token = token;
    }

    /** A running double that accepts {@code token}. */
    public static VaultDouble start(String token) {
        return new VaultDouble(token);
    }

    /** Stores a secret at its API path, for example {@code secret/data/db}. */
    public VaultDouble put(String apiPath, Map<String, ?> data) {
        secrets.put(apiPath, Map.copyOf(data));
        return this;
    }

    /** The {@code X-Vault-Namespace} header of the last request, if it had one. */
    public Optional<String> lastNamespace() {
        return Optional.ofNullable(lastNamespace);
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        String path = URI.create(exchange.getRequestURI().toString()).getPath();
        lastNamespace = exchange.getRequestHeaders().getFirst("X-Vault-Namespace");
        if (!path.startsWith("/v1/")) {
            reply(exchange, 404, "application/json", Map.of("errors", new String[0]));
            return;
        }
        String apiPath = path.substring(4);
        count(apiPath);
        if (!token.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
            reply(exchange, 403, "application/json", Map.of("errors", new String[] {"permission denied"}));
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            reply(exchange, 405, "application/json", Map.of("errors", new String[0]));
            return;
        }
        Map<String, Object> data = secrets.get(apiPath);
        if (data == null) {
            reply(exchange, 404, "application/json", Map.of("errors", new String[0]));
            return;
        }
        reply(exchange, 200, "application/json", kvResponse(data));
    }

    private static Map<String, Object> kvResponse(Map<String, Object> data) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("created_time", "2026-11-01T10:00:00.000000Z");
        metadata.put("custom_metadata", null);
        metadata.put("deletion_time", "");
        metadata.put("destroyed", false);
        metadata.put("version", 3);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_id", UUID.randomUUID().toString());
        out.put("lease_id", "");
        out.put("renewable", false);
        out.put("lease_duration", 0);
        out.put("data", Map.of("data", data, "metadata", metadata));
        out.put("wrap_info", null);
        out.put("warnings", null);
        out.put("auth", null);
        return out;
    }
}
