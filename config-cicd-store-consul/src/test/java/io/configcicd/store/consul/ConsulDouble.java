package io.configcicd.store.consul;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Consul agent's HTTP API as far as the consul store uses it, written from Consul's API documentation, with its
 * semantics: one global Raft index that every write raises, {@code CreateIndex}/{@code ModifyIndex} per key,
 * {@code ?cas}, {@code ?recurse}/{@code ?keys}/{@code ?separator}/{@code ?raw}, {@code /v1/txn} all-or-nothing
 * (409 with {@code Errors}, op keys in any case), 413 over {@code max_txn_ops} or {@code txn_max_req_len},
 * ACL tokens (403, "Permission denied" per txn op), {@code X-Consul-Index} and blocking queries
 * ({@code ?index=&wait=}), {@code /v1/status/leader}, {@code /v1/acl/token/self}; and fault hooks: an HTTP status
 * for the next requests of a path, a dropped connection, "No cluster leader", slow answers, and a hook run before a
 * given transaction (a concurrent writer). Counts requests by method and path, and keeps each request's query
 * ({@link #queries()}: {@code ?dc=}). Served over HTTPS when given a TLS context ({@link #ConsulDouble(SSLContext)}).
 */
public final class ConsulDouble implements AutoCloseable {

    public enum Access { READ, WRITE }

    record Entry(byte[] value, long createIndex, long modifyIndex) {
    }

    /** A fault for the next requests whose path starts with a prefix. */
    record Fault(String pathPrefix, int status, String body, boolean reset, int times) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Object lock = new Object();
    private final TreeMap<String, Entry> kv = new TreeMap<>();
    private long index = 1;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final String scheme;
    private final List<Fault> faults = new ArrayList<>();
    private final Map<Integer, Runnable> beforeTxn = new HashMap<>();
    private int txns;
    private volatile int maxTxnOps = 64;
    private volatile int maxTxnBytes = 512 * 1024;
    private volatile boolean leader = true;
    private volatile Duration delay = Duration.ZERO;
    private volatile Map<String, Access> tokens = Map.of();

    public ConsulDouble() {
        this(Optional.empty());
    }

    /** A double served over HTTPS with the key and certificate of {@code tls}. */
    public ConsulDouble(SSLContext tls) {
        this(Optional.of(tls));
    }

    private ConsulDouble(Optional<SSLContext> tls) {
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try {
            if (tls.isPresent()) {
                HttpsServer https = HttpsServer.create(at, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
                server = https;
            } else {
                server = HttpServer.create(at, 0);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        scheme = tls.isPresent() ? "https" : "http";
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request that reached the double, as "METHOD /path?query" (query "" when none), in order. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    // ---- hooks and inspection

    public void maxTxnOps(int n) {
        maxTxnOps = n;
    }

    public void maxTxnBytes(int n) {
        maxTxnBytes = n;
    }

    public void leader(boolean elected) {
        leader = elected;
    }

    public void delay(Duration d) {
        delay = d;
    }

    /** Turns ACLs on: only these tokens are known; without ACLs every request is allowed. */
    public void acl(Map<String, Access> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    public void fail(String pathPrefix, int status, String body, int times) {
        synchronized (lock) {
            faults.add(new Fault(pathPrefix, status, body, false, times));
        }
    }

    public void reset(String pathPrefix, int times) {
        synchronized (lock) {
            faults.add(new Fault(pathPrefix, 0, "", true, times));
        }
    }

    /** Runs {@code hook} just before the n-th /v1/txn (1-based) is applied: another writer's change. */
    public void beforeTxn(int n, Runnable hook) {
        synchronized (lock) {
            beforeTxn.put(n, hook);
        }
    }

    /** Runs {@code hook} just before the next /v1/txn is applied (whichever client sends it). */
    public void beforeNextTxn(Runnable hook) {
        synchronized (lock) {
            beforeTxn.put(txns + 1, hook);
        }
    }

    public void put(String key, String value) {
        synchronized (lock) {
            set(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    public Optional<String> get(String key) {
        synchronized (lock) {
            return Optional.ofNullable(kv.get(key)).map(e -> new String(e.value(), StandardCharsets.UTF_8));
        }
    }

    public Map<String, String> under(String prefix) {
        synchronized (lock) {
            Map<String, String> out = new TreeMap<>();
            kv.tailMap(prefix).forEach((k, e) -> {
                if (k.startsWith(prefix)) {
                    out.put(k, new String(e.value(), StandardCharsets.UTF_8));
                }
            });
            return out;
        }
    }

    public long index() {
        synchronized (lock) {
            return index;
        }
    }

    /** Requests by "METHOD /path" (no query). */
    public int requests(String methodAndPath) {
        return requests.getOrDefault(methodAndPath, new AtomicInteger()).get();
    }

    public int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public int writeRequests() {
        return requests.entrySet().stream().filter(e -> !e.getKey().startsWith("GET "))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    public void resetCounts() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the API

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        requests.computeIfAbsent(method + " " + (path.startsWith("/v1/kv/") ? "/v1/kv" : path),
                k -> new AtomicInteger()).incrementAndGet();
        String rawQuery = ex.getRequestURI().getRawQuery();
        queries.add(method + " " + path + "?" + (rawQuery == null ? "" : rawQuery));
        try (ex) {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            Optional<Fault> fault = takeFault(path);
            if (fault.isPresent() && fault.get().reset()) {
                ex.getResponseBody().close();
                ex.close();
                return;
            }
            if (fault.isPresent()) {
                send(ex, fault.get().status(), fault.get().body(), Map.of());
                return;
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            byte[] body = ex.getRequestBody().readAllBytes();
            String token = Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Consul-Token")).orElse("");
            if (q.containsKey("token")) {
                send(ex, 400, "this double refuses ?token=: send X-Consul-Token", Map.of());
                return;
            }
            if (path.equals("/v1/status/leader")) {
                send(ex, 200, leader ? "\"127.0.0.1:8300\"" : "\"\"", Map.of());
            } else if (path.equals("/v1/acl/token/self")) {
                self(ex, token);
            } else if (!leader) {
                send(ex, 500, "No cluster leader", Map.of());
            } else if (path.equals("/v1/txn") && method.equals("PUT")) {
                txn(ex, body, token);
            } else if (path.startsWith("/v1/kv/")) {
                kv(ex, method, URLDecoder.decode(path.substring("/v1/kv/".length()), StandardCharsets.UTF_8), q,
                        body, token);
            } else {
                send(ex, 404, "no such endpoint in the double: " + path, Map.of());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Fault> takeFault(String path) {
        synchronized (lock) {
            for (int i = 0; i < faults.size(); i++) {
                Fault f = faults.get(i);
                if (path.startsWith(f.pathPrefix())) {
                    if (f.times() <= 1) {
                        faults.remove(i);
                    } else {
                        faults.set(i, new Fault(f.pathPrefix(), f.status(), f.body(), f.reset(), f.times() - 1));
                    }
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private Optional<Access> access(String token) {
        if (tokens.isEmpty()) {
            return Optional.of(Access.WRITE);
        }
        return Optional.ofNullable(tokens.get(token));
    }

    private void self(HttpExchange ex, String token) throws IOException {
        if (tokens.isEmpty()) {
            send(ex, 401, "ACL support disabled", Map.of());
        } else if (tokens.containsKey(token)) {
            ObjectNode t = JSON.createObjectNode().put("AccessorID", "00000000-0000-0000-0000-000000000001")
                    .put("SecretID", token).put("Description", "double").put("Local", false)
                    .put("CreateTime", "2026-01-01T00:00:00Z").put("Hash", "aGFzaA==").put("CreateIndex", 1)
                    .put("ModifyIndex", 1);
            t.putArray("Policies").addObject().put("ID", "00000000-0000-0000-0000-000000000002")
                    .put("Name", tokens.get(token).name().toLowerCase(Locale.ROOT));
            send(ex, 200, t.toString(), Map.of());
        } else {
            send(ex, 403, "ACL not found", Map.of());
        }
    }

    private void kv(HttpExchange ex, String method, String key, Map<String, String> q, byte[] body, String token)
            throws IOException, InterruptedException {
        Optional<Access> access = access(token);
        if (access.isEmpty() || (!method.equals("GET") && access.get() != Access.WRITE)) {
            send(ex, 403, "Permission denied", Map.of());
            return;
        }
        switch (method) {
            case "GET" -> read(ex, key, q);
            case "PUT" -> {
                synchronized (lock) {
                    Entry e = kv.get(key);
                    boolean ok = !q.containsKey("cas") || Long.parseLong(q.get("cas")) == (e == null ? 0
                            : e.modifyIndex());
                    if (ok) {
                        set(key, body);
                    }
                    send(ex, 200, String.valueOf(ok), Map.of());
                }
            }
            case "DELETE" -> {
                synchronized (lock) {
                    Entry e = kv.get(key);
                    boolean ok = !q.containsKey("cas") || (e != null && Long.parseLong(q.get("cas")) == e.modifyIndex());
                    if (ok && q.containsKey("recurse")) {
                        kv.keySet().removeIf(k -> k.startsWith(key));
                        bump();
                    } else if (ok && e != null) {
                        kv.remove(key);
                        bump();
                    }
                    send(ex, 200, String.valueOf(ok), Map.of());
                }
            }
            default -> send(ex, 405, "method not allowed", Map.of());
        }
    }

    private void read(HttpExchange ex, String key, Map<String, String> q) throws IOException, InterruptedException {
        synchronized (lock) {
            if (q.containsKey("index")) {
                long wanted = Long.parseLong(q.get("index"));
                long until = System.nanoTime() + wait(q.get("wait")).toNanos();
                while (index <= wanted && System.nanoTime() < until) {
                    lock.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                }
            }
            boolean tree = q.containsKey("recurse") || q.containsKey("keys");
            List<Map.Entry<String, Entry>> found = new ArrayList<>();
            for (Map.Entry<String, Entry> e : kv.tailMap(key).entrySet()) {
                if (tree ? !e.getKey().startsWith(key) : !e.getKey().equals(key)) {
                    break;
                }
                found.add(e);
            }
            Map<String, String> headers = Map.of("X-Consul-Index", String.valueOf(index),
                    "X-Consul-KnownLeader", "true", "X-Consul-LastContact", "0");
            if (found.isEmpty()) {
                send(ex, 404, "", headers);
            } else if (q.containsKey("raw") && !tree) {
                send(ex, 200, found.get(0).getValue().value(), headers);
            } else if (q.containsKey("keys")) {
                send(ex, 200, keys(found, key, q.get("separator")), headers);
            } else {
                ArrayNode out = JSON.createArrayNode();
                for (Map.Entry<String, Entry> e : found) {
                    ObjectNode o = out.addObject();
                    o.put("LockIndex", 0).put("Key", e.getKey()).put("Flags", 0);
                    if (e.getValue().value().length == 0) {
                        o.putNull("Value");
                    } else {
                        o.put("Value", Base64.getEncoder().encodeToString(e.getValue().value()));
                    }
                    o.put("CreateIndex", e.getValue().createIndex()).put("ModifyIndex", e.getValue().modifyIndex());
                }
                send(ex, 200, out.toString(), headers);
            }
        }
    }

    private static String keys(List<Map.Entry<String, Entry>> found, String prefix, String separator) {
        ArrayNode out = JSON.createArrayNode();
        String last = null;
        for (Map.Entry<String, Entry> e : found) {
            String k = e.getKey();
            if (separator != null && !separator.isEmpty()) {
                int at = k.indexOf(separator, prefix.length());
                k = at < 0 ? k : k.substring(0, at + separator.length());
            }
            if (!k.equals(last)) {
                out.add(k);
                last = k;
            }
        }
        return out.toString();
    }

    private static Duration wait(String text) {
        if (text == null) {
            return Duration.ofMinutes(5);
        }
        String t = text.trim();
        return t.endsWith("ms") ? Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)))
                : t.endsWith("s") ? Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)))
                : Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    }

    private void txn(HttpExchange ex, byte[] body, String token) throws IOException {
        if (body.length > maxTxnBytes) {
            send(ex, 413, "Request body(" + body.length + " bytes) too large, max size: " + maxTxnBytes + " bytes",
                    Map.of());
            return;
        }
        JsonNode ops = JSON.readTree(body);
        if (ops.size() > maxTxnOps) {
            send(ex, 413, "Transaction contains too many operations (" + ops.size() + " > " + maxTxnOps + ")",
                    Map.of());
            return;
        }
        Runnable hook;
        synchronized (lock) {
            hook = beforeTxn.remove(++txns);
        }
        if (hook != null) {
            hook.run();
        }
        Optional<Access> access = access(token);
        synchronized (lock) {
            TreeMap<String, Entry> before = new TreeMap<>(kv);
            long indexBefore = index;
            ArrayNode results = JSON.createArrayNode();
            ArrayNode errors = JSON.createArrayNode();
            for (int i = 0; i < ops.size(); i++) {
                JsonNode op = field(ops.get(i), "kv");
                String verb = field(op, "verb").asString("");
                String key = field(op, "key").asString("");
                long idx = field(op, "index").asLong(0);
                JsonNode v = field(op, "value");
                byte[] value = v.isMissingNode() || v.isNull() ? new byte[0] : Base64.getDecoder().decode(v.asString());
                String what = access.isEmpty() || (!verb.startsWith("check") && !verb.equals("get")
                        && access.get() != Access.WRITE) ? "Permission denied" : apply(verb, key, idx, value, results);
                if (what != null) {
                    errors.addObject().put("OpIndex", i).put("What", what);
                }
            }
            if (!errors.isEmpty()) {
                kv.clear();
                kv.putAll(before);
                index = indexBefore;
                send(ex, 409, "{\"Results\":null,\"Errors\":" + errors + "}", Map.of());
                return;
            }
            lock.notifyAll();
            send(ex, 200, "{\"Results\":" + results + ",\"Errors\":null}", Map.of("X-Consul-Index",
                    String.valueOf(index)));
        }
    }

    /** One KV op of a transaction; the error text, or null when it succeeded. Runs under the lock. */
    private String apply(String verb, String key, long idx, byte[] value, ArrayNode results) {
        Entry e = kv.get(key);
        switch (verb) {
            case "set" -> set(key, value);
            case "cas" -> {
                if (idx == 0 ? e != null : e == null || e.modifyIndex() != idx) {
                    return "failed to set key \"" + key + "\", index is stale";
                }
                set(key, value);
            }
            case "delete" -> {
                if (e != null) {
                    kv.remove(key);
                    bump();
                }
            }
            case "delete-cas" -> {
                if (e == null || e.modifyIndex() != idx) {
                    return "failed to delete key \"" + key + "\", index is stale";
                }
                kv.remove(key);
                bump();
            }
            case "delete-tree" -> {
                kv.keySet().removeIf(k -> k.startsWith(key));
                bump();
            }
            case "check-index" -> {
                if (e == null || e.modifyIndex() != idx) {
                    return "current modify index " + (e == null ? 0 : e.modifyIndex()) + " != " + idx;
                }
            }
            case "check-not-exists" -> {
                if (e != null) {
                    return "key \"" + key + "\" exists";
                }
            }
            case "get" -> {
                if (e == null) {
                    return "key \"" + key + "\" doesn't exist";
                }
            }
            default -> {
                return "unknown KV verb \"" + verb + "\"";
            }
        }
        Entry now = kv.get(key);
        if (now != null && !verb.startsWith("delete")) {
            results.addObject().putObject("KV").put("Key", key).putNull("Value").put("CreateIndex", now.createIndex())
                    .put("ModifyIndex", now.modifyIndex()).put("LockIndex", 0).put("Flags", 0);
        }
        return null;
    }

    private void set(String key, byte[] value) {
        Entry e = kv.get(key);
        long next = bump();
        kv.put(key, new Entry(value, e == null ? next : e.createIndex(), next));
    }

    private long bump() {
        index++;
        lock.notifyAll();
        return index;
    }

    /** A field of a txn op, its name in any case (Consul decodes them case-insensitively; consul-client sends kv). */
    private static JsonNode field(JsonNode node, String name) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                return e.getValue();
            }
        }
        return JSON.missingNode();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body, Map<String, String> headers)
            throws IOException {
        send(ex, status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void send(HttpExchange ex, int status, byte[] body, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
