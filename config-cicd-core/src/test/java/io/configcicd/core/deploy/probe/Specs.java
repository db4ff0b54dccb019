package io.configcicd.core.deploy.probe;

import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.ProbeSpec;
import io.configcicd.core.security.OutputMasker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link ProbeSpec}s and {@link ProbeContext}s of the probe tests, field by field. */
final class Specs {

    private final ProbeSpec.Kind kind;
    private final String location;
    private String method = "GET";
    private int expectStatus;
    private Optional<String> pointer = Optional.empty();
    private Optional<String> expect = Optional.empty();
    private Optional<Double> below = Optional.empty();
    private Optional<Double> above = Optional.empty();
    private String query = "";
    private Duration timeout;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Specs(ProbeSpec.Kind kind, String location) {
        this.kind = kind;
        this.location = location;
        this.timeout = kind.defaultTimeout();
    }

    static Specs http(String url) {
        return new Specs(ProbeSpec.Kind.HTTP, url);
    }

    static Specs prometheus(String url, String query) {
        Specs s = new Specs(ProbeSpec.Kind.PROMETHEUS, url);
        s.query = query;
        return s;
    }

    static Specs command(String command) {
        return new Specs(ProbeSpec.Kind.COMMAND, command);
    }

    static ProbeContext context(OutputMasker masker) {
        return context(Path.of("."), Map.of(), masker);
    }

    static ProbeContext context(Path dir, Map<String, String> env, OutputMasker masker) {
        return new ProbeContext(dir, env, masker, Clock.systemUTC());
    }

    Specs method(String m) {
        method = m;
        return this;
    }

    Specs status(int s) {
        expectStatus = s;
        return this;
    }

    Specs pointer(String p) {
        pointer = Optional.of(p);
        return this;
    }

    Specs expect(String e) {
        expect = Optional.of(e);
        return this;
    }

    Specs below(double b) {
        below = Optional.of(b);
        return this;
    }

    Specs above(double a) {
        above = Optional.of(a);
        return this;
    }

    Specs timeout(Duration t) {
        timeout = t;
        return this;
    }

    Specs header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ProbeSpec build() {
        return new ProbeSpec("probe", kind, location, method, expectStatus, pointer, expect, below, above, query,
                timeout, headers, Origin.UNKNOWN);
    }
}
