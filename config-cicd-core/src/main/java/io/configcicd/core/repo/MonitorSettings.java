package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Durations;
import io.configcicd.core.model.ScalarType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code monitor:} section of {@code config-cicd.yaml}, shared at the top level and per environment
 * ({@code environments.<env>.monitor}); ARCHITECTURE 3a:
 * <pre>
 * monitor:
 *   interval: 10s        # between rounds (default 10s); monitor --interval overrides
 *   failures: 3          # consecutive failed rounds that roll the deployment back (default 3)
 *   grace: 0s            # after the deploy finished, before the first round (default 0s)
 *   probes:
 *     - {name: health, http: "https://svc/actuator/health", expect_status: 200, json_pointer: /status, expect: UP,
 *        timeout: 5s, headers: {Authorization: "Bearer ${HEALTH_TOKEN}"}}
 *     - {name: errors, prometheus: "http://prometheus:9090", query: "sum(rate(http_5xx_total[1m]))", below: 0.05}
 *     - {name: smoke, command: "./smoke.sh", timeout: 60s}
 * </pre>
 * An environment's fields override the shared ones field by field; its {@code probes}, when given, replace the shared
 * list. Checked when the settings are read, so every command reports a mistake at its file:line.
 */
public record MonitorSettings(Duration interval, int failures, Duration grace, List<ProbeSpec> probes) {

    public static final String SECTION = "monitor";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_FAILURES = 3;
    public static final List<String> FIELDS = List.of("interval", "failures", "grace", "probes");
    public static final List<String> PROBE_FIELDS = List.of("name", "http", "prometheus", "command", "method",
            "expect_status", "json_pointer", "expect", "below", "above", "query", "timeout", "headers");
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "OPTIONS");
    private static final String SEE = "see docs/monitor.md";

    public MonitorSettings {
        probes = List.copyOf(probes);
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
    }

    public static MonitorSettings defaults() {
        return new MonitorSettings(DEFAULT_INTERVAL, DEFAULT_FAILURES, Duration.ZERO, List.of());
    }

    /** The monitor settings of an environment: the shared section, then the environment's over it. */
    public static MonitorSettings of(ConfigMap settingsDoc, String environment) {
        MonitorSettings shared = read(settingsDoc.getOrNull(SECTION), SECTION, defaults());
        if (settingsDoc.getOrNull("environments") instanceof ConfigMap envs
                && envs.getOrNull(environment) instanceof ConfigMap spec) {
            return read(spec.getOrNull(SECTION), "environments." + environment + "." + SECTION, shared);
        }
        return shared;
    }

    /** Checks one {@code monitor:} node (top level or an environment's); bad input at file:line. */
    static void check(ConfigNode node, String where) {
        read(node, where, defaults());
    }

    private static MonitorSettings read(ConfigNode node, String where, MonitorSettings base) {
        if (node == null || node.isNull()) {
            return base;
        }
        if (!(node instanceof ConfigMap m)) {
            throw Settings.wrongShape(node, where, "a mapping such as {interval: 10s, failures: 3, probes: [...]}");
        }
        Settings.onlyKeys(m, where + ".", FIELDS);
        Duration interval = present(m, "interval") ? duration(m.getOrNull("interval"), where + ".interval", false)
                : base.interval();
        Duration grace = present(m, "grace") ? duration(m.getOrNull("grace"), where + ".grace", true) : base.grace();
        int failures = present(m, "failures") ? positive(m.getOrNull("failures"), where + ".failures")
                : base.failures();
        List<ProbeSpec> probes = present(m, "probes") ? probes(m.getOrNull("probes"), where + ".probes")
                : base.probes();
        return new MonitorSettings(interval, failures, grace, probes);
    }

    private static boolean present(ConfigMap m, String key) {
        ConfigNode n = m.getOrNull(key);
        return n != null && !n.isNull();
    }

    private static List<ProbeSpec> probes(ConfigNode node, String where) {
        if (!(node instanceof ConfigList list)) {
            throw Settings.wrongShape(node, where, "a list of probes such as [{name: health, http: \"http://…\"}]");
        }
        List<ProbeSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ProbeSpec p = probe(list.get(i), where + "[" + i + "]");
            if (!names.add(p.name())) {
                throw ConfigCicdException.badInput(list.get(i).origin(), Settings.FILE_NAME + ": " + where
                        + " has two probes named '" + p.name() + "'", "give each probe its own name");
            }
            out.add(p);
        }
        return out;
    }

    private static ProbeSpec probe(ConfigNode node, String where) {
        if (!(node instanceof ConfigMap m)) {
            throw Settings.wrongShape(node, where, "a mapping such as {name: health, http: \"http://…/health\"}");
        }
        Settings.onlyKeys(m, where + ".", PROBE_FIELDS);
        List<ProbeSpec.Kind> kinds = new ArrayList<>();
        for (ProbeSpec.Kind k : ProbeSpec.Kind.values()) {
            if (present(m, k.word())) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            throw ConfigCicdException.badInput(m.origin(), Settings.FILE_NAME + ": " + where + " must have exactly one"
                    + " of http, prometheus or command" + (kinds.isEmpty() ? "" : ", found " + kinds.size()),
                    "write {name: health, http: \"http://…\"}, {name: errors, prometheus: \"http://…:9090\", query: …,"
                            + " below: 0.05} or {name: smoke, command: ./smoke.sh}; " + SEE);
        }
        ProbeSpec.Kind kind = kinds.get(0);
        String name = text(m, "name", where).orElseThrow(() -> ConfigCicdException.badInput(m.origin(),
                Settings.FILE_NAME + ": " + where + " has no name", "add name: <a short word> (reports name probes)"));
        String location = text(m, kind.word(), where).orElseThrow();
        if (kind != ProbeSpec.Kind.COMMAND) {
            url(m.getOrNull(kind.word()), location, where + "." + kind.word());
        }
        String method = text(m, "method", where).map(s -> s.toUpperCase(Locale.ROOT)).orElse("GET");
        if (!METHODS.contains(method)) {
            throw Settings.wrongShape(m.getOrNull("method"), where + ".method", "one of " + String.join(", ", METHODS));
        }
        int status = present(m, "expect_status") ? positive(m.getOrNull("expect_status"), where + ".expect_status") : 0;
        Optional<String> pointer = text(m, "json_pointer", where);
        pointer.filter(p -> !p.startsWith("/")).ifPresent(p -> {
            throw Settings.wrongShape(m.getOrNull("json_pointer"), where + ".json_pointer",
                    "a JSON pointer starting with / such as /status");
        });
        Optional<String> expect = present(m, "expect") ? Optional.of(scalarText(m.getOrNull("expect"), where + ".expect"))
                : Optional.empty();
        Optional<Double> below = number(m, "below", where);
        Optional<Double> above = number(m, "above", where);
        Optional<String> query = text(m, "query", where);
        Duration timeout = present(m, "timeout") ? duration(m.getOrNull("timeout"), where + ".timeout", false)
                : kind.defaultTimeout();
        Map<String, String> headers = headers(m.getOrNull("headers"), where + ".headers");
        boolean condition = expect.isPresent() || below.isPresent() || above.isPresent();
        switch (kind) {
            case PROMETHEUS -> {
                if (query.isEmpty() || !condition) {
                    throw ConfigCicdException.badInput(m.origin(), Settings.FILE_NAME + ": " + where
                            + " (prometheus) needs a query and a condition (below, above or expect)",
                            "write {name: errors, prometheus: \"http://prometheus:9090\", query: \"sum(rate(x[1m]))\","
                                    + " below: 0.05}");
                }
            }
            case HTTP -> {
                if (condition != pointer.isPresent()) {
                    throw ConfigCicdException.badInput(m.origin(), Settings.FILE_NAME + ": " + where + (condition
                                    ? " has expect/below/above but no json_pointer to read the value from"
                                    : " has a json_pointer but no expect, below or above"),
                            "write json_pointer: /status with expect: UP, or json_pointer: /error_rate with below: 0.05");
                }
                only(m, where, "query");
            }
            case COMMAND -> only(m, where, "query", "json_pointer", "expect", "below", "above", "expect_status",
                    "method", "headers");
        }
        return new ProbeSpec(name, kind, location, method, status, pointer, expect, below, above, query.orElse(""),
                timeout, headers, m.origin());
    }

    /** Rejects fields that mean nothing for this kind of probe. */
    private static void only(ConfigMap m, String where, String... forbidden) {
        for (String f : forbidden) {
            if (m.containsKey(f)) {
                throw ConfigCicdException.badInput(m.keyOrigin(f), Settings.FILE_NAME + ": " + where + "." + f
                        + " does not apply to this kind of probe", "remove it; " + SEE);
            }
        }
    }

    private static void url(ConfigNode node, String value, String where) {
        if (!value.contains("${") && !isHttpUrl(value)) {
            throw Settings.wrongShape(node, where, "an http:// or https:// URL");
        }
    }

    /** Whether {@code value} is an absolute http or https URL with a host (a probe's, once its references resolved). */
    public static boolean isHttpUrl(String value) {
        try {
            URI u = new URI(value);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Map<String, String> headers(ConfigNode node, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!(node instanceof ConfigMap m)) {
            throw Settings.wrongShape(node, where, "a mapping of header names to values");
        }
        m.entries().forEach((k, v) -> out.put(k, scalarText(v, where + "." + k)));
        return out;
    }

    private static Optional<String> text(ConfigMap m, String key, String where) {
        ConfigNode n = m.getOrNull(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING && !((String) s.value()).isBlank()) {
            return Optional.of((String) s.value());
        }
        throw Settings.wrongShape(n, where + "." + key, "a non-empty string");
    }

    private static String scalarText(ConfigNode n, String where) {
        if (n instanceof ConfigScalar s && !n.isNull()) {
            return s.type() == ScalarType.STRING ? (String) s.value() : s.text();
        }
        throw Settings.wrongShape(n, where, "a string, number or boolean");
    }

    private static Optional<Double> number(ConfigMap m, String key, String where) {
        ConfigNode n = m.getOrNull(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n instanceof ConfigScalar s && (s.type() == ScalarType.FLOAT || s.type() == ScalarType.INTEGER)) {
            Object v = s.value();
            return Optional.of(v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue());
        }
        throw Settings.wrongShape(n, where + "." + key, "a number such as 0.05");
    }

    private static int positive(ConfigNode n, String where) {
        if (n instanceof ConfigScalar s && s.type() == ScalarType.INTEGER && s.value() instanceof Long v
                && v > 0 && v <= 100_000) {
            return v.intValue();
        }
        throw Settings.wrongShape(n, where, "a positive whole number");
    }

    /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h} ({@link Durations}); zero only where it is allowed. */
    static Duration duration(ConfigNode n, String where, boolean zeroAllowed) {
        String text = n instanceof ConfigScalar s ? s.text() : "";
        return Durations.parse(text, Optional.empty()).filter(d -> zeroAllowed || !d.isZero())
                .orElseThrow(() -> Settings.wrongShape(n, where, (zeroAllowed ? "a duration" : "a positive duration")
                        + " with its unit, such as " + Durations.FORMS));
    }
}
