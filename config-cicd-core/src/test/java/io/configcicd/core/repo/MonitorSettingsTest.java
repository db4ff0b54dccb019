package io.configcicd.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** monitor: (shared and per environment) in config-cicd.yaml: ARCHITECTURE 3a's syntax, and mistakes at file:line. */
class MonitorSettingsTest {

    private static ConfigMap yaml(String text) {
        return (ConfigMap) new YamlCodec().parse(text.getBytes(StandardCharsets.UTF_8), Settings.FILE_NAME,
                LoadLimits.DEFAULT);
    }

    private static ConfigCicdException error(String text) {
        return catchThrowableOfType(ConfigCicdException.class, () -> Settings.from(yaml(text)));
    }

    @Test
    void theArchitecturesExampleIsReadWithEveryField() {
        ConfigMap doc = yaml("""
                environments:
                  production:
                    monitor:
                      interval: 10s
                      failures: 3
                      grace: 0s
                      probes:
                        - {name: health, http: "https://kgot.internal/actuator/health", expect_status: 200,
                           json_pointer: /status, expect: UP, timeout: 5s, headers: {Authorization: "Bearer ${HEALTH_TOKEN}"}}
                        - {name: errors, prometheus: "http://prometheus:9090", query: "sum(rate(http_5xx_total[1m]))", below: 0.05}
                        - {name: smoke, command: "./smoke.sh", timeout: 60s}
                """);
        Settings.from(doc);
        MonitorSettings m = MonitorSettings.of(doc, "production");

        assertThat(m.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(m.failures()).isEqualTo(3);
        assertThat(m.grace()).isZero();
        assertThat(m.probes()).extracting(ProbeSpec::name).containsExactly("health", "errors", "smoke");
        ProbeSpec health = m.probes().get(0);
        assertThat(health.kind()).isEqualTo(ProbeSpec.Kind.HTTP);
        assertThat(health.expectStatus()).isEqualTo(200);
        assertThat(health.jsonPointer()).contains("/status");
        assertThat(health.expect()).contains("UP");
        assertThat(health.headers()).isEqualTo(Map.of("Authorization", "Bearer ${HEALTH_TOKEN}"));
        assertThat(health.condition()).isEqualTo("status 200, /status = UP");
        ProbeSpec errors = m.probes().get(1);
        assertThat(errors.query()).isEqualTo("sum(rate(http_5xx_total[1m]))");
        assertThat(errors.below()).contains(0.05);
        assertThat(errors.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(errors.condition()).isEqualTo("< 0.05");
        assertThat(m.probes().get(2).timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(m.probes().get(2).condition()).isEqualTo("exit 0");
    }

    @Test
    void anEnvironmentOverridesTheSharedSectionFieldByFieldAndItsProbesReplaceTheShared() {
        ConfigMap doc = yaml("""
                monitor: {interval: 30s, failures: 5, probes: [{name: shared, command: "true"}]}
                environments:
                  staging: {monitor: {failures: 1}}
                  production: {monitor: {probes: [{name: own, command: "true"}]}}
                  dev: {}
                """);
        Settings.from(doc);

        assertThat(MonitorSettings.of(doc, "staging")).satisfies(m -> {
            assertThat(m.interval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(m.failures()).isEqualTo(1);
            assertThat(m.probes()).extracting(ProbeSpec::name).containsExactly("shared");
        });
        assertThat(MonitorSettings.of(doc, "production").probes()).extracting(ProbeSpec::name).containsExactly("own");
        assertThat(MonitorSettings.of(doc, "production").failures()).isEqualTo(5);
        assertThat(MonitorSettings.of(doc, "dev")).isEqualTo(new MonitorSettings(Duration.ofSeconds(30), 5,
                Duration.ZERO, MonitorSettings.of(doc, "staging").probes()));
        assertThat(MonitorSettings.of(yaml("{}"), "x")).isEqualTo(MonitorSettings.defaults());
        assertThat(MonitorSettings.defaults().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(MonitorSettings.defaults().failures()).isEqualTo(3);
    }

    @Test
    void mistakesAreReportedAtTheirLineByEveryCommandThatReadsTheSettings() {
        ConfigCicdException unknown = error("monitor:\n  interval: 10s\n  retries: 3\n");
        assertThat(unknown.origin().line()).isEqualTo(3);
        assertThat(unknown.problem()).contains("monitor.retries");
        assertThat(unknown.hint()).contains("interval, failures, grace, probes");

        ConfigCicdException unit = error("monitor:\n  interval: 10\n");
        assertThat(unit.origin().line()).isEqualTo(2);
        assertThat(unit.problem()).contains("monitor.interval").contains("with its unit");

        ConfigCicdException two = error("environments:\n  prod:\n    monitor:\n      probes:\n"
                + "        - {name: a, http: \"http://x/health\", command: \"true\"}\n");
        assertThat(two.origin().line()).isEqualTo(5);
        assertThat(two.problem()).contains("environments.prod.monitor.probes[0] must have exactly one of http");

        ConfigCicdException noQuery = error("monitor: {probes: [{name: e, prometheus: \"http://p:9090\", below: 1}]}\n");
        assertThat(noQuery.problem()).contains("needs a query and a condition");

        ConfigCicdException pointerless = error("monitor: {probes: [{name: h, http: \"http://x/h\", expect: UP}]}\n");
        assertThat(pointerless.problem()).contains("no json_pointer");

        ConfigCicdException url = error("monitor: {probes: [{name: h, http: \"kgot.internal/health\"}]}\n");
        assertThat(url.problem()).contains("monitor.probes[0].http must be an http:// or https:// URL");

        ConfigCicdException dup = error("monitor: {probes: [{name: h, command: \"true\"}, {name: h, command: \"true\"}]}\n");
        assertThat(dup.problem()).contains("two probes named 'h'");

        ConfigCicdException foreign = error("monitor: {probes: [{name: c, command: \"true\", below: 3}]}\n");
        assertThat(foreign.problem()).contains("monitor.probes[0].below does not apply");

        ConfigCicdException zero = error("monitor: {failures: 0}\n");
        assertThat(zero.problem()).contains("monitor.failures must be a positive whole number");
    }

    @Test
    void aUrlWithAReferenceIsCheckedWhenMonitorResolvesIt() {
        ConfigMap doc = yaml("monitor: {probes: [{name: h, http: \"${HEALTH_URL}\", method: head}]}\n");
        Settings.from(doc);
        ProbeSpec p = MonitorSettings.of(doc, "any").probes().get(0);
        assertThat(p.location()).isEqualTo("${HEALTH_URL}");
        assertThat(p.method()).isEqualTo("HEAD");
        assertThat(p.expectStatus()).isZero();
        assertThat(p.condition()).isEqualTo("status 2xx");
        assertThat(p.withHeaders(h -> h).jsonPointer()).isEqualTo(Optional.empty());
    }
}
