package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.deploy.MonitorResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The monitor report as text, JSON and Markdown: outcome, the failing probe's last answers, latencies, next step. */
class MonitorReportsTest {

    private static MonitorResult result(MonitorResult.Status status, String reason) {
        Instant t = Instant.parse("2026-12-05T10:00:00Z");
        return new MonitorResult("4711", "production", "abc1234", status, reason, 4, 3, Duration.ofSeconds(10), 3,
                List.of(new MonitorResult.ProbeSummary("health", "http", "status 200, /status = UP", 4, 3,
                        Duration.ofMillis(7), Duration.ofMillis(12), Duration.ofMillis(40),
                        List.of("HTTP 503: {\"status\":\"DOWN\"}", "HTTP 503: {\"status\":\"DOWN\"}",
                                "connection refused"), false)),
                List.of(new MonitorResult.TargetWatch("cache", "redis", "holds deployment 4711 (sha256 1a2b)", true)),
                Optional.empty(), List.of(), t, t.plusSeconds(40));
    }

    @Test
    void aFailedRunNamesTheProbeItsLastAnswersTheLatenciesAndWhatToDo() {
        MonitorResult r = result(MonitorResult.Status.INTERRUPTED, "stopped by SIGTERM after 4 round(s)");

        String text = MonitorReports.text(r);

        assertThat(text).startsWith("monitor production: monitoring interrupted (stopped by SIGTERM after 4 round(s))")
                .contains("probe health (http, status 200, /status = UP): 4 run(s), 3 failed, latency min 7 ms"
                        + " / median 12 ms / max 40 ms")
                .contains("    answered: connection refused")
                .contains("target cache (redis): holds deployment 4711")
                .contains("next: monitoring was interrupted and nothing was rolled back")
                .contains("config-cicd rollback --environment production --deployment-id 4711");
        Map<String, Object> json = MonitorReports.structure(r);
        assertThat(json).containsEntry("status", "monitoring interrupted").containsEntry("healthy", false)
                .containsEntry("rounds", 4).containsEntry("failed_rounds", 3);
        assertThat(DeployReports.json(json)).contains("\"last_answers\"").contains("\"median\" : 12");
        assertThat(MonitorReports.markdown(r)).startsWith("## monitor production: monitoring interrupted")
                .contains("| health | http | status 200, /status = UP | 4 | 3 | 12 ms | connection refused |")
                .contains("**Next:**");
    }

    @Test
    void aHealthyRunHasNoNextStepAndListsNoAnswersOfAProbeThatNeverFailed() {
        MonitorResult r = new MonitorResult("4711", "production", "abc", MonitorResult.Status.HEALTHY,
                "30 round(s), 0 failed", 30, 0, Duration.ofSeconds(10), 3,
                List.of(new MonitorResult.ProbeSummary("smoke", "command", "exit 0", 30, 0, Duration.ofMillis(3),
                        Duration.ofMillis(4), Duration.ofMillis(9), List.of("exit 0"), true)),
                List.of(), Optional.empty(), List.of(), Instant.EPOCH, Instant.EPOCH.plusSeconds(300));

        assertThat(MonitorReports.next(r)).isEmpty();
        assertThat(MonitorReports.text(r)).doesNotContain("answered:").doesNotContain("next:")
                .contains("30 round(s), 0 failed, every 10s");
        assertThat(MonitorReports.structure(r)).containsEntry("healthy", true).containsEntry("next", null);
    }
}
