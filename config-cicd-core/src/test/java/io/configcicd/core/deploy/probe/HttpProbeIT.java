package io.configcicd.core.deploy.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.event.Cancellation;
import io.configcicd.core.repo.ProbeSpec;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeIT {

    private static final String SECRET = "s3cr3t-health-token-42";

    private ProbeServer server;

    @BeforeEach
    void start() {
        server = ProbeServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ProbeAnswer ask(ProbeSpec spec) {
        return ask(spec, OutputMasker.urlPasswordsOnly(), Cancellation.none());
    }

    private static ProbeAnswer ask(ProbeSpec spec, OutputMasker masker, Cancellation cancel) {
        try (Probe probe = Probes.of(spec, Specs.context(masker))) {
            return probe.ask(cancel);
        }
    }

    @Test
    void expectedStatusAndPointerValueIsHealthy() {
        server.healthy();

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).status(200).pointer("/status").expect("UP").build());

        assertThat(a.healthy()).isTrue();
        assertThat(a.answer()).isEqualTo("HTTP 200, /status = UP");
        assertThat(a.latency()).isPositive();
        assertThat(a.value()).isEmpty();
    }

    @Test
    void anyTwoHundredStatusIsHealthyWhenNoStatusIsExpected() {
        server.respond(204, "");

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).build());

        assertThat(a.healthy()).isTrue();
        assertThat(a.answer()).isEqualTo("HTTP 204");
    }

    @Test
    void wrongStatusIsUnhealthyAndQuotesTheStartOfTheBody() {
        server.unhealthy();

        ProbeAnswer any2xx = ask(Specs.http(server.healthUrl()).build());
        ProbeAnswer expected200 = ask(Specs.http(server.healthUrl()).status(200).build());

        assertThat(any2xx.healthy()).isFalse();
        assertThat(any2xx.answer()).isEqualTo("HTTP 503: {\"status\":\"DOWN\"}");
        assertThat(expected200.answer()).isEqualTo("HTTP 503 (expected 200): {\"status\":\"DOWN\"}");
    }

    @Test
    void aTwoHundredOtherThanTheExpectedStatusIsUnhealthy() {
        server.respond(202, "accepted");

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).status(200).build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("HTTP 202 (expected 200): accepted");
    }

    @Test
    void aLongBodyIsCutInTheAnswer() {
        server.respond(500, "x".repeat(5000));

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).build());

        assertThat(a.answer()).startsWith("HTTP 500: xxx").endsWith("…").hasSizeLessThan(140);
    }

    @Test
    void pointerValueOtherThanExpectedIsUnhealthy() {
        server.respond(200, "{\"status\":\"DOWN\",\"components\":{}}");

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).pointer("/status").expect("UP").build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("HTTP 200, /status = DOWN (expected UP)");
    }

    @Test
    void missingPointerIsUnhealthy() {
        server.respond(200, "{\"state\":\"UP\"}");

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).pointer("/status").expect("UP").build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("HTTP 200, /status missing");
    }

    @Test
    void numberOverTheBoundIsUnhealthyAndCarriesTheValue() {
        server.respond(200, "{\"error_rate\":0.2}");

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).pointer("/error_rate").below(0.05).build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("HTTP 200, /error_rate = 0.2 (not below 0.05)");
        assertThat(a.value()).contains(0.2);
    }

    @Test
    void numberInsideTheBoundsIsHealthyAndANumericStringCounts() {
        server.respond(200, "{\"metrics\":{\"error_rate\":\"0.01\"}}");

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).pointer("/metrics/error_rate").below(0.05).above(0)
                .build());

        assertThat(a.healthy()).isTrue();
        assertThat(a.answer()).isEqualTo("HTTP 200, /metrics/error_rate = 0.01 (below 0.05, above 0)");
        assertThat(a.value()).contains(0.01);
    }

    @Test
    void aBoundNeedsANumber() {
        server.respond(200, "{\"error_rate\":\"high\"}");

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).pointer("/error_rate").below(0.05).build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("HTTP 200, /error_rate = high (not a number)");
    }

    @Test
    void expectComparesNumbersAndBooleansAsTheirJsonText() {
        server.respond(200, "{\"ready\":true,\"replicas\":3}");

        ProbeAnswer ready = ask(Specs.http(server.healthUrl()).pointer("/ready").expect("true").build());
        ProbeAnswer replicas = ask(Specs.http(server.healthUrl()).pointer("/replicas").expect("3").build());

        assertThat(ready.healthy()).isTrue();
        assertThat(replicas.healthy()).isTrue();
        assertThat(replicas.value()).contains(3.0);
    }

    @Test
    void bodyThatIsNotJsonIsUnhealthyWhenAPointerIsRead() {
        server.respond(200, "<html><body>Login</body></html>");

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).pointer("/status").expect("UP").build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("HTTP 200, not JSON: <html><body>Login</body></html>");
    }

    @Test
    void closedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        ProbeAnswer a = ask(Specs.http("http://127.0.0.1:" + port + "/health").build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("connection refused");
    }

    @Test
    void slowAnswerTimesOutAfterTheProbesTimeout() {
        server.slow(Duration.ofSeconds(5));

        long t0 = System.nanoTime();
        ProbeAnswer a = ask(Specs.http(server.healthUrl()).timeout(Duration.ofMillis(300)).build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("timed out after 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void redirectIsNotFollowedAndIsUnhealthy() {
        server.redirect(server.url() + "/login");

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("HTTP 302: redirect to " + server.url() + "/login (not followed)");
        assertThat(server.requests("/login")).isEmpty();
    }

    @Test
    void methodAndHeadersAreSentAsGiven() {
        ProbeAnswer a = ask(Specs.http(server.healthUrl()).method("HEAD").header("Authorization", "Bearer abc")
                .header("X-Probe", "monitor").build());

        assertThat(a.healthy()).isTrue();
        List<ProbeServer.Request> got = server.requests("/health");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).method()).isEqualTo("HEAD");
        assertThat(got.get(0).header("authorization")).contains("Bearer abc");
        assertThat(got.get(0).header("x-probe")).contains("monitor");
    }

    @Test
    void answerEchoingTheSecretHeaderIsMasked() {
        server.respond(401, "{\"error\":\"token " + SECRET + " expired\"}");
        OutputMasker masker = OutputMasker.ofValues(List.of(SECRET));

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).header("Authorization", "Bearer " + SECRET).build(), masker,
                Cancellation.none());

        assertThat(server.requests("/health").get(0).header("Authorization")).contains("Bearer " + SECRET);
        assertThat(a.answer()).doesNotContain(SECRET).contains("token " + SecretMasker.MASK + " expired");
    }

    @Test
    void secretStraddlingTheCutIsMaskedNotHalfShown() {
        server.respond(500, "x".repeat(Texts.EXCERPT - 8) + SECRET + " and more");
        OutputMasker masker = OutputMasker.ofValues(List.of(SECRET));

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).build(), masker, Cancellation.none());

        assertThat(a.answer()).doesNotContain(SECRET.substring(0, 6));
    }

    @Test
    void pointerValueThatIsTheSecretIsMasked() {
        server.respond(200, "{\"status\":\"" + SECRET + "\"}");
        OutputMasker masker = OutputMasker.ofValues(List.of(SECRET));

        ProbeAnswer a = ask(Specs.http(server.healthUrl()).pointer("/status").expect("UP").build(), masker,
                Cancellation.none());

        assertThat(a.answer()).isEqualTo("HTTP 200, /status = " + SecretMasker.MASK + " (expected UP)");
    }

    @Test
    void cancellationEndsTheWaitAtOnce() {
        server.slow(Duration.ofSeconds(10));
        Cancellation cancel = new Cancellation();
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> cancel.cancel("SIGTERM"));

        long t0 = System.nanoTime();
        ProbeAnswer a = ask(Specs.http(server.healthUrl()).timeout(Duration.ofSeconds(30)).build(),
                OutputMasker.none(), cancel);

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void unresolvedReferenceInTheUrlIsAnUnhealthyAnswerNotAnException() {
        ProbeAnswer a = ask(Specs.http("http://${HOST}/health").build());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).startsWith("cannot send the request");
    }

    @Test
    void aClosedProbeAnswersThatItIsClosed() {
        Probe probe = Probes.of(Specs.http(server.healthUrl()).build(), Specs.context(OutputMasker.none()));
        probe.close();

        ProbeAnswer a = probe.ask(Cancellation.none());

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("probe closed");
        assertThat(server.requests()).isEmpty();
    }
}
