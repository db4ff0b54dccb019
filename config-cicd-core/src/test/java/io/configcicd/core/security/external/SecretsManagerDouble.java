package io.configcicd.core.security.external;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for AWS Secrets Manager's {@code GetSecretValue}, speaking the AWS JSON 1.1 protocol as the
 * service does (no AWS endpoint is reachable from the build machines): {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.GetSecretValue} and body {@code {"SecretId":"..."}} gives
 * {@code {"ARN","Name","SecretString","VersionId","VersionStages","CreatedDate"}}; errors are HTTP 400 with
 * {@code {"__type":"ResourceNotFoundException"|"AccessDeniedException","message":...}}. Requests must be
 * SigV4-signed ({@code Authorization: AWS4-HMAC-SHA256 Credential=...}). Point the SDK at it with
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER=}{@link #address()}.
 */
public final class SecretsManagerDouble extends JsonHttpDouble {

    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private SecretsManagerDouble() {
    }

    /** A running double with no secrets. */
    public static SecretsManagerDouble start() {
        return new SecretsManagerDouble();
    }

    /** Stores a string secret. */
    public SecretsManagerDouble put(String name, String secretString) {
        secrets.put(name, secretString);
        return this;
    }

    /** Makes reads of {@code name} fail with {@code AccessDeniedException}. */
    public SecretsManagerDouble deny(String name) {
        denied.add(name);
        return this;
    }

    /** The {@code Authorization} headers received, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(auth));
        if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
            error(exchange, "UnknownOperationException", "");
            return;
        }
        if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=")) {
            error(exchange, "MissingAuthenticationTokenException", "Missing Authentication Token");
            return;
        }
        JsonNode request = JSON.readTree(body(exchange));
        String id = request.path("SecretId").asString("");
        String name = id.startsWith(ARN_PREFIX) ? id.substring(ARN_PREFIX.length(), id.length() - 7) : id;
        count(name);
        if (denied.contains(name)) {
            error(exchange, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ci is not authorized to "
                    + "perform: secretsmanager:GetSecretValue on resource: " + id);
        } else if (!secrets.containsKey(name)) {
            error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        } else {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ARN", ARN_PREFIX + name + "-AbCdEf");
            out.put("Name", name);
            out.put("SecretString", secrets.get(name));
            out.put("VersionId", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");
            out.put("VersionStages", List.of("AWSCURRENT"));
            out.put("CreatedDate", 1.7629776E9);
            exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
            reply(exchange, 200, JSON_11, out);
        }
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
        reply(exchange, 400, JSON_11, Map.of("__type", type, "message", message));
    }
}
