package io.configcicd.core.repo;

import io.configcicd.core.model.Origin;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One health probe of {@code monitor.probes} as written in {@code config-cicd.yaml} (ARCHITECTURE 3a), checked when the
 * settings are read. {@code location} is the probe's URL ({@code http}, {@code prometheus}) or shell command
 * ({@code command}). A probe is healthy when:
 * <ul>
 *   <li>http: the status is {@code expectStatus} (0: any 2xx) and, with a {@code jsonPointer}, the value there is
 *       {@code expect} (as text) and/or a number {@code below}/{@code above} the bounds;</li>
 *   <li>prometheus: every sample of the instant {@code query}'s result is {@code below}/{@code above} the bounds (or,
 *       with {@code expect}, equals it); an empty result is unhealthy ("no data");</li>
 *   <li>command: it exits 0 within the timeout.</li>
 * </ul>
 * {@code headers} may hold {@code ${VAR}} references, resolved by monitor from its environment and masked.
 */
public record ProbeSpec(String name, Kind kind, String location, String method, int expectStatus,
                        Optional<String> jsonPointer, Optional<String> expect, Optional<Double> below,
                        Optional<Double> above, String query, Duration timeout, Map<String, String> headers,
                        Origin origin) {

    /** What a probe asks. */
    public enum Kind {
        HTTP("http", Duration.ofSeconds(5)),
        PROMETHEUS("prometheus", Duration.ofSeconds(5)),
        COMMAND("command", Duration.ofSeconds(60));

        private final String word;
        private final Duration defaultTimeout;

        Kind(String word, Duration defaultTimeout) {
            this.word = word;
            this.defaultTimeout = defaultTimeout;
        }

        public String word() {
            return word;
        }

        public Duration defaultTimeout() {
            return defaultTimeout;
        }
    }

    public ProbeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(jsonPointer, "jsonPointer");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(below, "below");
        Objects.requireNonNull(above, "above");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(origin, "origin");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A copy whose header values went through {@code resolve} (the {@code ${VAR}} references substituted). */
    public ProbeSpec withHeaders(UnaryOperator<String> resolve) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, resolve.apply(v)));
        return new ProbeSpec(name, kind, location, method, expectStatus, jsonPointer, expect, below, above, query,
                timeout, out, origin);
    }

    /** A copy whose URL (http, prometheus) went through {@code resolve}; a command is left as written. */
    public ProbeSpec withLocation(UnaryOperator<String> resolve) {
        String where = kind == Kind.COMMAND ? location : resolve.apply(location);
        return new ProbeSpec(name, kind, where, method, expectStatus, jsonPointer, expect, below, above, query,
                timeout, headers, origin);
    }

    /** The condition in words, for reports: {@code "status 200, /status = UP"}, {@code "below 0.05"}, {@code "exit 0"}. */
    public String condition() {
        StringBuilder out = new StringBuilder();
        if (kind == Kind.HTTP) {
            out.append(expectStatus == 0 ? "status 2xx" : "status " + expectStatus);
            jsonPointer.ifPresent(p -> out.append(", ").append(p));
        } else if (kind == Kind.COMMAND) {
            return "exit 0";
        }
        expect.ifPresent(e -> out.append(out.length() == 0 ? "" : " ").append("= ").append(e));
        below.ifPresent(b -> out.append(out.length() == 0 ? "" : " ").append("< ").append(number(b)));
        above.ifPresent(a -> out.append(out.length() == 0 ? "" : " ").append("> ").append(number(a)));
        return out.toString();
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
