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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusProbeIT {

    private static final String QUERY = "sum(rate(http_requests_total{status=~\"5..\",job=\"api\"}[1m])) / 2";
    private static final String SECRET = "s3cr3t-prometheus-token";

    private ProbeServer server;

    @BeforeEach
    void start() {
        server = ProbeServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ProbeAnswer ask(Specs spec) {
        return ask(spec.build(), OutputMasker.urlPasswordsOnly());
    }

    private static ProbeAnswer ask(ProbeSpec spec, OutputMasker masker) {
        try (Probe probe = Probes.of(spec, Specs.context(masker))) {
            return probe.ask(Cancellation.none());
        }
    }

    private Specs errors() {
        return Specs.prometheus(server.url(), QUERY);
    }

    @Test
    void scalarUnderTheBoundIsHealthyAndTheQueryArrivesEncoded() {
        server.prometheusScalar(QUERY, "0.012");

        ProbeAnswer a = ask(errors().below(0.05));

        assertThat(a.healthy()).isTrue();
        assertThat(a.answer()).isEqualTo("0.012 (below 0.05)");
        assertThat(a.value()).contains(0.012);
        ProbeServer.Request got = server.requests("/api/v1/query").get(0);
        assertThat(got.method()).isEqualTo("GET");
        assertThat(got.queryParameter()).isEqualTo(QUERY);
    }

    @Test
    void baseUrlWithATrailingSlashStillReachesTheApi() {
        server.prometheusScalar(QUERY, "0.012");

        ProbeAnswer a = ask(Specs.prometheus(server.url() + "/", QUERY).below(0.05));

        assertThat(a.healthy()).isTrue();
        assertThat(server.requests("/api/v1/query")).hasSize(1);
    }

    @Test
    void vectorWhoseEverySampleIsUnderTheBoundIsHealthyAndQuotesTheClosest() {
        server.prometheus(QUERY, "0.01", "0.03", "0.02");

        ProbeAnswer a = ask(errors().below(0.05));

        assertThat(a.healthy()).isTrue();
        assertThat(a.answer()).isEqualTo("3 samples, worst 0.03 (below 0.05) {instance=\"i2\"}");
        assertThat(a.value()).contains(0.03);
    }

    @Test
    void oneSampleOverTheBoundMakesTheProbeUnhealthyAndIsNamed() {
        server.prometheusVector(QUERY, List.of(new ProbeServer.Sample(Map.of("job", "web"), "0.01"),
                new ProbeServer.Sample(Map.of("job", "api"), "0.2")));

        ProbeAnswer a = ask(errors().below(0.05));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("2 samples, worst 0.2 (not below 0.05) {job=\"api\"}");
        assertThat(a.value()).contains(0.2);
    }

    @Test
    void lowerBoundQuotesTheSmallestSampleWithItsMetricName() {
        server.prometheusVector("up", List.of(new ProbeServer.Sample(Map.of("__name__", "up", "job", "a"), "1"),
                new ProbeServer.Sample(Map.of("__name__", "up", "job", "b"), "0")));

        ProbeAnswer a = ask(Specs.prometheus(server.url(), "up").above(0.5));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("2 samples, worst 0 (not above 0.5) up{job=\"b\"}");
    }

    @Test
    void theBoundIsStrict() {
        server.prometheusScalar(QUERY, "0.05");

        ProbeAnswer a = ask(errors().below(0.05));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("0.05 (not below 0.05)");
    }

    @Test
    void expectComparesTheSampleText() {
        server.prometheus("up", "1", "1");
        ProbeAnswer up = ask(Specs.prometheus(server.url(), "up").expect("1"));
        server.prometheus("up", "1", "0");
        ProbeAnswer down = ask(Specs.prometheus(server.url(), "up").expect("1"));

        assertThat(up.healthy()).isTrue();
        assertThat(down.healthy()).isFalse();
        assertThat(down.answer()).isEqualTo("2 samples, worst 0 (expected 1) {instance=\"i2\"}");
    }

    @Test
    void emptyVectorIsNoData() {
        server.prometheus(QUERY);

        ProbeAnswer a = ask(errors().below(0.05));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("no data: the query returned no sample");
    }

    @Test
    void nanIsUnhealthy() {
        server.prometheusScalar(QUERY, "NaN");

        ProbeAnswer a = ask(errors().below(0.05));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("NaN (not a number)");
        assertThat(a.value()).isEmpty();
    }

    @Test
    void infinityIsNotBelowAnyBound() {
        server.prometheus(QUERY, "+Inf");

        ProbeAnswer a = ask(errors().below(1e9));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("+Inf (not below 1000000000) {instance=\"i1\"}");
        assertThat(a.value()).isEmpty();
    }

    @Test
    void queryErrorIsUnhealthyNamingTheError() {
        server.prometheusError(QUERY, 400, "bad_data", "1:5: parse error: unexpected \"}\"");

        ProbeAnswer a = ask(errors().below(0.05));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("query error (bad_data): 1:5: parse error: unexpected \"}\"");
    }

    @Test
    void rangeVectorIsRefusedWithAHint() {
        server.prometheusRaw(QUERY, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");

        ProbeAnswer a = ask(errors().below(0.05));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).contains("range vector");
    }

    @Test
    void answerThatIsNotPrometheusIsUnhealthy() {
        server.prometheusRaw(QUERY, 502, "Bad Gateway");
        ProbeAnswer gateway = ask(errors().below(0.05));
        server.prometheusRaw(QUERY, 200, "<html>login</html>");
        ProbeAnswer login = ask(errors().below(0.05));

        assertThat(gateway.healthy()).isFalse();
        assertThat(gateway.answer()).isEqualTo("HTTP 502: Bad Gateway");
        assertThat(login.healthy()).isFalse();
        assertThat(login.answer()).isEqualTo("not a Prometheus answer: <html>login</html>");
    }

    @Test
    void headersAreSentAndAnErrorEchoingTheSecretIsMasked() {
        server.prometheusError(QUERY, 422, "execution", "denied for token " + SECRET);

        ProbeAnswer a = ask(errors().below(0.05).header("Authorization", "Bearer " + SECRET).build(),
                OutputMasker.ofValues(List.of(SECRET)));

        assertThat(server.requests("/api/v1/query").get(0).header("Authorization")).contains("Bearer " + SECRET);
        assertThat(a.answer()).isEqualTo("query error (execution): denied for token " + SecretMasker.MASK);
    }

    @Test
    void closedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        ProbeAnswer a = ask(Specs.prometheus("http://127.0.0.1:" + port, QUERY).below(0.05));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("connection refused");
    }

    @Test
    void slowServerTimesOut() {
        server.prometheusScalar(QUERY, "0.01").slow(Duration.ofSeconds(5));

        ProbeAnswer a = ask(errors().below(0.05).timeout(Duration.ofMillis(300)));

        assertThat(a.healthy()).isFalse();
        assertThat(a.answer()).isEqualTo("timed out after 300 ms");
        assertThat(a.latency()).isLessThan(Duration.ofSeconds(2));
    }
}
