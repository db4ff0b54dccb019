package io.configcicd.core.validate.policy;

import static io.configcicd.core.validate.policy.PolicyFixtures.inDevelopment;
import static io.configcicd.core.validate.policy.PolicyFixtures.inProduction;
import static io.configcicd.core.validate.policy.PolicyFixtures.where;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.Fix;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpsRuleTest {

    private final HttpsRule rule = new HttpsRule(HttpsRule.DEFAULT_ALLOWED_HOSTS, Settings.DEFAULT_SECRET_KEYS);

    @Test
    void plainHttpToARemoteHostIsAnErrorInProductionWithAnHttpsFix() {
        List<Finding> findings = inProduction(rule, """
                models:
                  model_providers:
                    local:
                      base_url: http://llm.example.com:8000/v1?tenant=acme
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("security.https");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(where(f)).isEqualTo("global/base.yaml:4:17");
            assertThat(f.message()).isEqualTo("plain http:// URL at models.model_providers.local.base_url "
                    + "(host llm.example.com) in protected environment production: use https://");
            Fix fix = f.fix().orElseThrow();
            assertThat(fix.document()).isEqualTo(Fix.Document.ENVIRONMENT);
            assertThat(((ConfigScalar) fix.value()).value()).isEqualTo("https://llm.example.com:8000/v1?tenant=acme");
            assertThat(fix.description()).doesNotContain("tenant=acme");
        });
    }

    @Test
    void schemeIsMatchedInAnyCaseAndWebSocketsNeedWss() {
        List<Finding> findings = inProduction(rule, """
                a: HTTP://Api.Example.COM/
                b: ws://events.example.com/stream
                c: [https://ok.example.com, "http://in-a-list.example.com"]
                """);

        assertThat(findings).extracting(f -> f.path().toString()).containsExactly("a", "b", "c[1]");
        assertThat(findings.get(0).message()).contains("(host api.example.com)");
        assertThat(findings.get(1).message()).startsWith("plain ws:// URL at b").endsWith("use wss://");
        assertThat(((ConfigScalar) findings.get(1).fix().orElseThrow().value()).value())
                .isEqualTo("wss://events.example.com/stream");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost:8080/health",
        "http://127.0.0.1",
        "http://[::1]:9090/metrics",
        "http://grafana.localhost/",
        "ws://LOCALHOST:3000",
        "https://api.example.com",
        "bolt://neo4j.prod.internal:7687",
        "see http://example.com for details"
    })
    void loopbackHostsSecureSchemesAndProseAreAllowed(String value) {
        assertThat(inProduction(rule, "url: \"" + value + "\"\n")).isEmpty();
    }

    @Test
    void aHostThatOnlyStartsLikeLocalhostIsNotLoopback() {
        assertThat(inProduction(rule, "url: http://localhost.evil.example/\n")).hasSize(1);
        assertThat(inProduction(rule, "url: http://127.0.0.1.evil.example/\n")).hasSize(1);
    }

    @Test
    void credentialsInTheUrlNeverReachTheMessageAndGetNoFix() {
        List<Finding> findings = inProduction(rule, """
                broker:
                  url: http://admin-user:Pa55-distinct@mq.example.com:15672/api
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("(host mq.example.com)", "carries credentials")
                    .doesNotContain("admin-user").doesNotContain("Pa55-distinct");
            assertThat(f.fix()).as("a fix would copy the credentials into another file").isEmpty();
        });
    }

    @Test
    void valuesUnderSecretKeysAreLeftToThePlaintextSecretRule() {
        assertThat(inProduction(rule, "webhook_token: http://hooks.example.com/T0K3N\n")).isEmpty();
    }

    @Test
    void unprotectedEnvironmentsMayUsePlainHttp() {
        assertThat(inDevelopment(rule, "url: http://api.example.com\n")).isEmpty();
    }

    @Test
    void allowedHostsReplaceTheDefaultsAndAcceptWildcardDomains() {
        HttpsRule internal = new HttpsRule(List.of("*.prod.internal", "Metadata.Google.Internal"),
                Settings.DEFAULT_SECRET_KEYS);

        List<Finding> findings = inProduction(internal, """
                a: http://neo4j.prod.internal:7474
                b: http://metadata.google.internal/computeMetadata
                c: http://localhost:8080
                d: http://prod.internal.example.com
                """);

        assertThat(findings).extracting(f -> f.path().toString()).containsExactly("c", "d");
    }
}
