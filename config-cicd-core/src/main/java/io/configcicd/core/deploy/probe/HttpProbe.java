package io.configcicd.core.deploy.probe;

import io.configcicd.core.event.Cancellation;
import io.configcicd.core.repo.ProbeSpec;
import io.configcicd.core.security.OutputMasker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@code http} probe: one request ({@code method}, the resolved {@code headers}) to {@code location}; healthy when
 * the status is {@code expectStatus} (0: any 2xx) and, with a {@code jsonPointer}, the body's value there passes
 * {@code expect}/{@code below}/{@code above}. Answers {@code "HTTP 200, /status = UP"}, {@code "HTTP 503: <body>"},
 * {@code "HTTP 200, /error_rate = 0.2 (not below 0.05)"}, {@code "connection refused"}, {@code "timed out after 5 s"}.
 */
public final class HttpProbe implements Probe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProbeSpec spec;
    private final OutputMasker masker;
    private final Clock clock;
    private final Condition condition;
    private final HttpExchange exchange;

    public HttpProbe(ProbeSpec spec, ProbeContext context) {
        if (spec.kind() != ProbeSpec.Kind.HTTP) {
            throw new IllegalArgumentException("not an http probe: " + spec.name());
        }
        this.spec = spec;
        this.masker = context.masker();
        this.clock = context.clock();
        this.condition = Condition.of(spec);
        this.exchange = new HttpExchange(spec.timeout());
    }

    @Override
    public ProbeSpec spec() {
        return spec;
    }

    @Override
    public ProbeAnswer ask(Cancellation cancel) {
        Instant start = clock.instant();
        HttpExchange.Outcome outcome = exchange.send(spec.location(), spec.method(), spec.headers(), cancel);
        Duration latency = Texts.since(clock, start);
        if (outcome instanceof HttpExchange.Reply reply) {
            return judge(reply, latency);
        }
        return Texts.answer(masker, false, ((HttpExchange.Failed) outcome).why(), latency, Optional.empty());
    }

    private ProbeAnswer judge(HttpExchange.Reply reply, Duration latency) {
        String head = "HTTP " + reply.status();
        boolean statusOk = spec.expectStatus() == 0 ? reply.status() / 100 == 2 : reply.status() == spec.expectStatus();
        if (!statusOk) {
            return Texts.answer(masker, false, statusProblem(reply), latency, Optional.empty());
        }
        if (spec.jsonPointer().isEmpty()) {
            return Texts.answer(masker, true, head, latency, Optional.empty());
        }
        String pointer = spec.jsonPointer().get();
        if (reply.truncated()) {
            return Texts.answer(masker, false, head + ", body over " + (HttpExchange.MAX_BODY >> 20) + " MiB",
                    latency, Optional.empty());
        }
        JsonNode root;
        try {
            root = JSON.readTree(reply.body());
        } catch (JacksonException e) {
            return Texts.answer(masker, false, head + ", not JSON: " + Texts.excerpt(masker, reply.body()), latency,
                    Optional.empty());
        }
        JsonNode node = root == null ? null : root.at(pointer);
        if (node == null || node.isMissingNode()) {
            return Texts.answer(masker, false, head + ", " + pointer + " missing", latency, Optional.empty());
        }
        String text = node.isString() ? node.stringValue() : node.toString();
        Condition.Verdict verdict = condition.judge(text);
        String answer = head + ", " + pointer + " = " + Texts.excerpt(masker, text)
                + (verdict.words().isEmpty() ? "" : " " + verdict.words());
        return Texts.answer(masker, verdict.ok(), answer, latency, verdict.number());
    }

    /** {@code "HTTP 503: <start of body>"}, with the expected status when one is set and the target of a redirect. */
    private String statusProblem(HttpExchange.Reply reply) {
        StringBuilder out = new StringBuilder("HTTP ").append(reply.status());
        if (spec.expectStatus() != 0) {
            out.append(" (expected ").append(spec.expectStatus()).append(')');
        }
        if (reply.status() / 100 == 3 && reply.location().isPresent()) {
            return out.append(": redirect to ").append(Texts.excerpt(masker, reply.location().get()))
                    .append(" (not followed)").toString();
        }
        String body = Texts.excerpt(masker, reply.body());
        return body.isEmpty() ? out.toString() : out.append(": ").append(body).toString();
    }

    @Override
    public void close() {
        exchange.close();
    }
}
