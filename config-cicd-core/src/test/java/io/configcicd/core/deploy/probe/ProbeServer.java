package io.configcicd.core.deploy.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A probe double on loopback for tests of {@code monitor} in every module (through core's test-jar): a health
 * endpoint ({@link #healthUrl()}) whose status, body and speed a test switches at any time, and a Prometheus HTTP API
 * double ({@code /api/v1/query}) answering a vector, a scalar, an error or no data per query text (a query it was not
 * told about returns an empty vector, as Prometheus does for an unknown metric). It records every request (method,
 * path, decoded query, headers). Thread safe; {@link #close()} stops it and its executor.
 */
public final class ProbeServer implements AutoCloseable {

    public static final String HEALTHY_BODY = "{\"status\":\"UP\"}";
    public static final String UNHEALTHY_BODY = "{\"status\":\"DOWN\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request the server got; header names as the client sent them, looked up ignoring case. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers) {

        public Request {
            headers = Map.copyOf(headers);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** The {@code query} parameter, URL-decoded; empty when there is none. */
        public String queryParameter() {
            for (String pair : query.split("&")) {
                if (pair.startsWith("query=")) {
                    return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                }
            }
            return "";
        }
    }

    /** One sample of a vector: its labels and its value as Prometheus writes it ({@code "0.2"}, {@code "NaN"}). */
    public record Sample(Map<String, String> labels, String value) {

        public Sample {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    private record Reply(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> queries = new ConcurrentHashMap<>();
    private volatile Reply health = new Reply(200, HEALTHY_BODY, Map.of());
    private volatile Duration delay = Duration.ZERO;

    private ProbeServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 on a free port, healthy, with no query configured. */
    public static ProbeServer start() {
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "probe-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ProbeServer probeServer = new ProbeServer(server, executor);
            server.createContext("/", probeServer::handle);
            server.setExecutor(executor);
            server.start();
            return probeServer;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String healthUrl() {
        return url() + "/health";
    }

    /** The health endpoint answers 200 {@value #HEALTHY_BODY}. */
    public ProbeServer healthy() {
        return respond(200, HEALTHY_BODY);
    }

    /** The health endpoint answers 503 {@value #UNHEALTHY_BODY}. */
    public ProbeServer unhealthy() {
        return respond(503, UNHEALTHY_BODY);
    }

    /** The health endpoint answers this status and body (JSON or not, as given). */
    public ProbeServer respond(int status, String body) {
        health = new Reply(status, body, Map.of());
        return this;
    }

    /** The health endpoint answers 302 to {@code location} (a login page, say). */
    public ProbeServer redirect(String location) {
        health = new Reply(302, "", Map.of("Location", location));
        return this;
    }

    /** Every answer (health and queries) waits this long first; {@link Duration#ZERO} for none. */
    public ProbeServer slow(Duration d) {
        delay = d;
        return this;
    }

    /** {@code query} returns an instant vector of these values, sample i labelled {@code {instance="i<i>"}}. */
    public ProbeServer prometheus(String query, String... values) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(Map.of("instance", "i" + (i + 1)), values[i]));
        }
        return prometheusVector(query, samples);
    }

    /** {@code query} returns an instant vector of these samples (none: an empty vector, "no data"). */
    public ProbeServer prometheusVector(String query, List<Sample> samples) {
        ObjectNode root = success("vector");
        ArrayNode result = ((ObjectNode) root.get("data")).putArray("result");
        for (Sample s : samples) {
            ObjectNode element = result.addObject();
            ObjectNode metric = element.putObject("metric");
            s.labels().forEach(metric::put);
            element.putArray("value").add(1_700_000_000.123).add(s.value());
        }
        return prometheusRaw(query, 200, JSON.writeValueAsString(root));
    }

    /** {@code query} returns a scalar {@code [time, "value"]}. */
    public ProbeServer prometheusScalar(String query, String value) {
        ObjectNode root = success("scalar");
        ((ObjectNode) root.get("data")).putArray("result").add(1_700_000_000.123).add(value);
        return prometheusRaw(query, 200, JSON.writeValueAsString(root));
    }

    /** {@code query} fails as Prometheus fails one: {@code status} (400, 422, 503) and an error object. */
    public ProbeServer prometheusError(String query, int status, String errorType, String error) {
        ObjectNode root = JSON.createObjectNode().put("status", "error").put("errorType", errorType)
                .put("error", error);
        return prometheusRaw(query, status, JSON.writeValueAsString(root));
    }

    /** {@code query} gets exactly this status and body. */
    public ProbeServer prometheusRaw(String query, int status, String body) {
        queries.put(query, new Reply(status, body, Map.of()));
        return this;
    }

    /** Every request so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to {@code path}, oldest first. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static ObjectNode success(String resultType) {
        ObjectNode root = JSON.createObjectNode().put("status", "success");
        root.putObject("data").put("resultType", resultType);
        return root;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            Request request = new Request(exchange.getRequestMethod(), uri.getPath(), rawQuery, headers);
            requests.add(request);
            Reply reply = switch (uri.getPath()) {
                case "/health" -> health;
                case "/api/v1/query" -> queries.getOrDefault(request.queryParameter(), emptyVector());
                default -> new Reply(404, "not found", Map.of());
            };
            Duration wait = delay;
            if (!wait.isZero()) {
                Thread.sleep(wait.toMillis());
            }
            send(exchange, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a probe that timed out): nothing to answer
        }
    }

    private Reply emptyVector() {
        ObjectNode root = success("vector");
        ((ObjectNode) root.get("data")).putArray("result");
        return new Reply(200, JSON.writeValueAsString(root), Map.of());
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        String trimmed = reply.body().trim();
        exchange.getResponseHeaders().add("Content-Type", trimmed.startsWith("{") || trimmed.startsWith("[")
                ? "application/json" : "text/plain; charset=utf-8");
        boolean noBody = body.length == 0 || exchange.getRequestMethod().toUpperCase(Locale.ROOT).equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
        if (!noBody) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
