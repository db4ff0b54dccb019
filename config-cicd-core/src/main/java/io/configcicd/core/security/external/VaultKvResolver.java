package io.configcicd.core.security.external;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * {@code ${vault:PATH#KEY}}: one field of a HashiCorp Vault KV version 2 secret, read over Vault's HTTP API.
 *
 * <p>Settings come from the environment given to the constructor: {@code VAULT_ADDR} (default
 * {@value #DEFAULT_ADDRESS}), {@code VAULT_TOKEN} (required, sent as {@code X-Vault-Token}) and
 * {@code VAULT_NAMESPACE} (optional, sent as {@code X-Vault-Namespace}). They are read when a reference is
 * resolved, so commands that never need real values never need them.
 *
 * <p>Paths: KV v2 serves secret {@code db} of the engine mounted at {@code secret} at
 * {@code /v1/secret/data/db}. A path that has a {@code data} segment after its first segment is taken as that
 * API path ({@code secret/data/db}, {@code team/kv/data/db} for a nested mount); any other path is
 * {@code MOUNT/REST} with {@code data/} inserted after the first segment ({@code secret/db} becomes
 * {@code secret/data/db}). A secret whose own name starts with {@code data/} must therefore be written in
 * full ({@code secret/data/data/x}). {@code #KEY} picks the field of the secret's {@code data} and is required.
 *
 * <p>Each path is fetched once per instance. Not found (404) and a missing field are bad input; permission
 * denied (403), other answers and network failures are external errors.
 */
public final class VaultKvResolver implements SecretResolver {

    /** Vault's own default address. */
    public static final String DEFAULT_ADDRESS = "https://127.0.0.1:8200";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> env;
    private final Supplier<HttpClient> clients;
    private final Duration requestTimeout;
    private final Map<String, Map<String, String>> cache = new HashMap<>();
    private HttpClient client;

    /** Reads {@code VAULT_*} from {@code env}; connect timeout 5 s, request timeout 10 s. */
    public VaultKvResolver(Map<String, String> env) {
        this(env, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    /** Reads {@code VAULT_*} from {@code env}; the HTTP client is built on first use. */
    public VaultKvResolver(Map<String, String> env, Duration connectTimeout, Duration requestTimeout) {
        this(env, () -> HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build(), requestTimeout);
    }

    /** With a given HTTP client (its own connect timeout applies). */
    public VaultKvResolver(Map<String, String> env, HttpClient client, Duration requestTimeout) {
        this(env, () -> client, requestTimeout);
    }

    private VaultKvResolver(Map<String, String> env, Supplier<HttpClient> clients, Duration requestTimeout) {
        this.env = Map.copyOf(env);
        this.clients = clients;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public String scheme() {
        return "vault";
    }

    @Override
    public String resolve(String reference) {
        SecretReference ref = SecretReference.parse(scheme(), reference);
        if (ref.key().isEmpty()) {
            throw ConfigCicdException.badInput("vault reference " + ref.display() + " names no field",
                    "write ${vault:" + ref.path() + "#KEY}; a KV secret holds several fields");
        }
        String apiPath = apiPath(ref.path());
        return SecretFields.pick(fetch(apiPath), ref, "vault secret " + apiPath);
    }

    /** The KV v2 API path of a reference's path (without {@code /v1/}); see the class comment. */
    static String apiPath(String path) {
        String p = path.replaceAll("^/+|/+$", "");
        if (p.startsWith("v1/")) {
            p = p.substring(3);
        }
        int slash = p.indexOf('/');
        if (slash <= 0 || slash == p.length() - 1) {
            throw ConfigCicdException.badInput("vault path '" + path + "' has no secret name",
                    "write ${vault:MOUNT/PATH#KEY}, for example ${vault:secret/db#password}");
        }
        return ("/" + p + "/").indexOf("/data/", slash) >= 0 ? p
                : p.substring(0, slash) + "/data" + p.substring(slash);
    }

    private synchronized Map<String, String> fetch(String apiPath) {
        Map<String, String> cached = cache.get(apiPath);
        if (cached == null) {
            cached = read(apiPath);
            cache.put(apiPath, cached);
        }
        return cached;
    }

    private Map<String, String> read(String apiPath) {
        String token = setting("VAULT_TOKEN").orElseThrow(() -> ConfigCicdException.badInput(
                "VAULT_TOKEN is not set, so vault secret " + apiPath + " cannot be read",
                "set VAULT_TOKEN to a Vault token that may read " + apiPath));
        String address = setting("VAULT_ADDR").orElse(DEFAULT_ADDRESS).replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(address, apiPath)).timeout(requestTimeout)
                .header("X-Vault-Token", token).header("Accept", "application/json").GET();
        setting("VAULT_NAMESPACE").ifPresent(ns -> request.header("X-Vault-Namespace", ns));
        HttpResponse<String> response = send(request.build(), address, apiPath);
        return answer(response, address, apiPath);
    }

    private HttpResponse<String> send(HttpRequest request, String address, String apiPath) {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot reach Vault at " + address + " to read " + apiPath + ": "
                    + describe(e), "check VAULT_ADDR and that Vault is up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConfigCicdException.external("interrupted while reading vault secret " + apiPath, "", e);
        }
    }

    private static Map<String, String> answer(HttpResponse<String> response, String address, String apiPath) {
        int status = response.statusCode();
        if (status == 403) {
            throw ConfigCicdException.external("permission denied reading vault secret " + apiPath + " at " + address,
                    "check that VAULT_TOKEN is valid and its policy allows read on " + apiPath, null);
        }
        if (status == 404) {
            throw ConfigCicdException.badInput("no secret at " + apiPath + " in Vault at " + address,
                    "check the mount and path; KV v2 paths are MOUNT/data/PATH");
        }
        if (status != 200) {
            throw ConfigCicdException.external("Vault at " + address + " answered HTTP " + status + " for "
                    + apiPath, status == 503 ? "Vault may be sealed or in standby" : "", null);
        }
        JsonNode data = SecretFields.parse(response.body()).map(n -> n.path("data").path("data")).orElse(null);
        if (data == null || !data.isObject()) {
            throw ConfigCicdException.external("Vault at " + address + " did not answer " + apiPath
                    + " with a KV version 2 secret", "is the engine at this mount KV version 2?", null);
        }
        return SecretFields.fields(data);
    }

    private static URI uri(String address, String apiPath) {
        StringBuilder sb = new StringBuilder(address).append("/v1");
        for (String segment : apiPath.split("/")) {
            sb.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        try {
            return URI.create(sb.toString());
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("VAULT_ADDR '" + address + "' is not a URL", "for example "
                    + DEFAULT_ADDRESS);
        }
    }

    private Optional<String> setting(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
    }
}
