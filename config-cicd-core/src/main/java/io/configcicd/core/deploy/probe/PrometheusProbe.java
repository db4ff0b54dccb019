package io.configcicd.core.deploy.probe;

import io.configcicd.core.event.Cancellation;
import io.configcicd.core.repo.ProbeSpec;
import io.configcicd.core.security.OutputMasker;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code prometheus} probe: an instant query ({@code GET <location>/api/v1/query?query=…}, the Prometheus HTTP API)
 * whose every sample must pass {@code below}/{@code above}/{@code expect}, as Argo Rollouts' and Flagger's analyses
 * judge a metric. A vector, a scalar or a string result is judged; an empty vector ("no data"), NaN, a range vector
 * and an error answer are unhealthy. The answer quotes the worst sample: {@code "0.012 (below 0.05)"},
 * {@code "2 samples, worst 0.2 (not below 0.05) {job=\"api\"}"}.
 */
public final class PrometheusProbe implements Probe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NO_DATA = "no data: the query returned no sample";

    private final ProbeSpec spec;
    private final OutputMasker masker;
    private final Clock clock;
    private final Condition condition;
    private final HttpExchange exchange;
    private final String url;

    /** One value of the result: its series' labels ({@code up{job="api"}}, empty for a scalar) and its text. */
    private record Sample(String series, String value) {
    }

    public PrometheusProbe(ProbeSpec spec, ProbeContext context) {
        if (spec.kind() != ProbeSpec.Kind.PROMETHEUS) {
            throw new IllegalArgumentException("not a prometheus probe: " + spec.name());
        }
        this.spec = spec;
        this.masker = context.masker();
        this.clock = context.clock();
        this.condition = Condition.of(spec);
        this.exchange = new HttpExchange(spec.timeout());
        String base = spec.location().replaceAll("/+$", "");
        this.url = base + "/api/v1/query?query=" + URLEncoder.encode(spec.query(), StandardCharsets.UTF_8);
    }

    @Override
    public ProbeSpec spec() {
        return spec;
    }

    @Override
    public ProbeAnswer ask(Cancellation cancel) {
        Instant start = clock.instant();
        HttpExchange.Outcome outcome = exchange.send(url, "GET", spec.headers(), cancel);
        Duration latency = Texts.since(clock, start);
        if (outcome instanceof HttpExchange.Reply reply) {
            return read(reply, latency);
        }
        return Texts.answer(masker, false, ((HttpExchange.Failed) outcome).why(), latency, Optional.empty());
    }

    private ProbeAnswer read(HttpExchange.Reply reply, Duration latency) {
        JsonNode root = null;
        try {
            root = reply.truncated() ? null : JSON.readTree(reply.body());
        } catch (JacksonException e) {
            // answered below
        }
        if (root != null && "error".equals(root.path("status").asString(""))) {
            return unhealthy("query error (" + root.path("errorType").asString("?") + "): "
                    + Texts.excerpt(masker, root.path("error").asString("")), latency);
        }
        if (reply.status() / 100 != 2) {
            String body = Texts.excerpt(masker, reply.body());
            return unhealthy("HTTP " + reply.status() + (body.isEmpty() ? "" : ": " + body), latency);
        }
        if (root == null || !"success".equals(root.path("status").asString(""))) {
            return unhealthy("not a Prometheus answer: " + Texts.excerpt(masker, reply.body()), latency);
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asString("");
        List<Sample> samples;
        switch (type) {
            case "vector" -> samples = vector(data.path("result"));
            case "scalar", "string" -> samples = List.of(new Sample("", text(data.path("result").path(1))));
            case "matrix" -> {
                return unhealthy("the query returned a range vector: write an instant query (no [5m] selector at"
                        + " the end)", latency);
            }
            default -> {
                return unhealthy("unexpected result type '" + Texts.excerpt(masker, type) + "'", latency);
            }
        }
        if (samples.isEmpty()) {
            return unhealthy(NO_DATA, latency);
        }
        return judge(samples, latency);
    }

    private ProbeAnswer judge(List<Sample> samples, Duration latency) {
        Sample worst = null;
        Condition.Verdict worstVerdict = null;
        for (Sample s : samples) {
            Condition.Verdict v = condition.judge(s.value());
            if (worstVerdict == null || v.margin() < worstVerdict.margin()
                    || (!v.ok() && worstVerdict.ok())) {
                worst = s;
                worstVerdict = v;
            }
        }
        StringBuilder answer = new StringBuilder();
        if (samples.size() > 1) {
            answer.append(samples.size()).append(" samples, worst ");
        }
        answer.append(Texts.excerpt(masker, worst.value()));
        if (!worstVerdict.words().isEmpty()) {
            answer.append(' ').append(worstVerdict.words());
        }
        if (!worst.series().isEmpty()) {
            answer.append(' ').append(Texts.excerpt(masker, worst.series()));
        }
        return Texts.answer(masker, worstVerdict.ok(), answer.toString(), latency, worstVerdict.number());
    }

    private static List<Sample> vector(JsonNode result) {
        List<Sample> out = new ArrayList<>();
        for (JsonNode element : result) {
            out.add(new Sample(series(element.path("metric")), text(element.path("value").path(1))));
        }
        return out;
    }

    /** A sample's value as Prometheus writes it (a string); a native histogram sample has none and reads as empty. */
    private static String text(JsonNode value) {
        return value.isString() ? value.stringValue() : value.isNumber() ? value.toString() : "";
    }

    /** {@code name{label="value",…}} as Prometheus prints a series; empty when it has no labels. */
    private static String series(JsonNode metric) {
        String name = metric.path("__name__").asString("");
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : metric.properties()) {
            if (!e.getKey().equals("__name__")) {
                labels.add(e.getKey() + "=\"" + e.getValue().asString("") + "\"");
            }
        }
        return labels.isEmpty() ? name : name + "{" + String.join(",", labels) + "}";
    }

    private ProbeAnswer unhealthy(String text, Duration latency) {
        return Texts.answer(masker, false, text, latency, Optional.empty());
    }

    @Override
    public void close() {
        exchange.close();
    }
}
