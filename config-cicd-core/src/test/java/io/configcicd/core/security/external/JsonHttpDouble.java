package io.configcicd.core.security.external;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plumbing of the HTTP doubles: a JDK {@link HttpServer} on 127.0.0.1 with an ephemeral port, JSON answers
 * and a request count per secret. Subclasses implement the API they stand for.
 */
abstract class JsonHttpDouble implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    JsonHttpDouble() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpHandler handler = exchange -> {
            try (exchange) {
                total.incrementAndGet();
                try {
                    handle(exchange);
                } catch (RuntimeException e) {
                    reply(exchange, 500, "application/json", Map.of("errors", new String[] {e.toString()}));
                }
            }
        };
        server.createContext("/", handler);
        server.start();
    }

    /** Answers one request; {@link #reply} sends the answer. */
    abstract void handle(HttpExchange exchange) throws IOException;

    /** {@code http://127.0.0.1:PORT}. */
    public final String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests that named this secret (a Vault API path or an AWS secret id). */
    public final int requests(String secret) {
        AtomicInteger n = requests.get(secret);
        return n == null ? 0 : n.get();
    }

    /** Every request received. */
    public final int requests() {
        return total.get();
    }

    final void count(String secret) {
        requests.computeIfAbsent(secret, k -> new AtomicInteger()).incrementAndGet();
    }

    static void reply(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
