package io.configcicd.core.report;

import io.configcicd.core.deploy.MonitorResult;
import io.configcicd.core.deploy.MonitorResult.ProbeSummary;
import io.configcicd.core.deploy.MonitorResult.TargetWatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writers of a {@code monitor} run's report for every front end: text (a terminal, a CI log), a structure for
 * JSON ({@code monitor.json}), Markdown (the action's job summary). The rollback it ran, if any, is rendered with
 * {@link DeployReports}. Answers come masked from the probes; nothing here adds a value.
 */
public final class MonitorReports {

    private MonitorReports() {
    }

    public static String text(MonitorResult r) {
        StringBuilder out = new StringBuilder();
        out.append("monitor ").append(r.environment()).append(": ").append(r.status().word()).append(" (")
                .append(r.reason()).append(")\n");
        out.append("deployment ").append(r.deploymentId()).append(", commit ").append(r.commit()).append(", ")
                .append(r.rounds()).append(" round(s), ").append(r.failedRounds()).append(" failed, every ")
                .append(seconds(r.interval())).append(", roll back after ").append(r.failuresToRollBack())
                .append(" failed in a row\n");
        for (ProbeSummary p : r.probes()) {
            out.append("  probe ").append(p.name()).append(" (").append(p.kind()).append(", ").append(p.condition())
                    .append("): ").append(p.runs()).append(" run(s), ").append(p.failures()).append(" failed");
            if (p.runs() > 0) {
                out.append(", latency min ").append(ms(p.min())).append(" / median ").append(ms(p.median()))
                        .append(" / max ").append(ms(p.max()));
            }
            out.append('\n');
            if (!p.lastHealthy() || p.failures() > 0) {
                p.lastAnswers().forEach(a -> out.append("    answered: ").append(a).append('\n'));
            }
        }
        for (TargetWatch t : r.targets()) {
            out.append("  target ").append(t.target()).append(" (").append(t.type()).append("): ").append(t.state())
                    .append('\n');
        }
        r.notes().forEach(n -> out.append("  note: ").append(n).append('\n'));
        next(r).ifPresent(n -> out.append("  next: ").append(n).append('\n'));
        r.rollback().ifPresent(d -> {
            out.append('\n');
            out.append(DeployReports.text(d));
        });
        return out.toString();
    }

    public static Map<String, Object> structure(MonitorResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", r.environment());
        m.put("deployment_id", r.deploymentId());
        m.put("commit", r.commit());
        m.put("status", r.status().word());
        m.put("healthy", r.failure().isEmpty());
        m.put("reason", r.reason());
        m.put("rounds", r.rounds());
        m.put("failed_rounds", r.failedRounds());
        m.put("interval_ms", r.interval().toMillis());
        m.put("failures_to_roll_back", r.failuresToRollBack());
        m.put("started", r.started().toString());
        m.put("finished", r.finished().toString());
        List<Object> probes = new ArrayList<>();
        for (ProbeSummary p : r.probes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", p.name());
            x.put("kind", p.kind());
            x.put("condition", p.condition());
            x.put("runs", p.runs());
            x.put("failures", p.failures());
            x.put("latency_ms", Map.of("min", p.min().toMillis(), "median", p.median().toMillis(),
                    "max", p.max().toMillis()));
            x.put("last_healthy", p.lastHealthy());
            x.put("last_answers", p.lastAnswers());
            probes.add(x);
        }
        m.put("probes", probes);
        List<Object> targets = new ArrayList<>();
        for (TargetWatch t : r.targets()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", t.target());
            x.put("type", t.type());
            x.put("state", t.state());
            x.put("held", t.held());
            targets.add(x);
        }
        m.put("targets", targets);
        m.put("notes", r.notes());
        m.put("next", next(r).orElse(null));
        m.put("rollback", r.rollback().map(DeployReports::structure).orElse(null));
        return m;
    }

    public static String markdown(MonitorResult r) {
        StringBuilder out = new StringBuilder();
        out.append("## monitor ").append(Markdown.cell(r.environment())).append(": ")
                .append(Markdown.cell(r.status().word())).append("\n\n");
        out.append(Markdown.cell(r.reason())).append("\n\n");
        out.append("Deployment `").append(r.deploymentId()).append("`, commit `").append(r.commit()).append("`, ")
                .append(r.rounds()).append(" round(s), ").append(r.failedRounds()).append(" failed\n\n");
        if (!r.probes().isEmpty()) {
            out.append("| probe | kind | condition | runs | failed | latency median | last answer |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (ProbeSummary p : r.probes()) {
                out.append("| ").append(Markdown.cell(p.name())).append(" | ").append(p.kind()).append(" | ")
                        .append(Markdown.cell(p.condition())).append(" | ").append(p.runs()).append(" | ")
                        .append(p.failures()).append(" | ").append(ms(p.median())).append(" | ")
                        .append(Markdown.cell(p.lastAnswers().isEmpty() ? "" : p.lastAnswers()
                                .get(p.lastAnswers().size() - 1))).append(" |\n");
            }
            out.append('\n');
        }
        if (!r.targets().isEmpty()) {
            out.append("| target | state |\n|---|---|\n");
            r.targets().forEach(t -> out.append("| ").append(Markdown.cell(t.target())).append(" | ")
                    .append(Markdown.cell(t.state())).append(" |\n"));
            out.append('\n');
        }
        r.notes().forEach(n -> out.append("> ").append(Markdown.cell(n)).append('\n'));
        next(r).ifPresent(n -> out.append("\n**Next:** ").append(Markdown.cell(n)).append('\n'));
        r.rollback().ifPresent(d -> out.append('\n').append(DeployReports.markdown(d)));
        return out.toString();
    }

    /** What the user should do after a run that did not end well; empty after a healthy or superseded run. */
    public static java.util.Optional<String> next(MonitorResult r) {
        String rollback = "config-cicd rollback --environment " + r.environment() + " --deployment-id "
                + r.deploymentId();
        return java.util.Optional.ofNullable(switch (r.status()) {
            case HEALTHY, SUPERSEDED, ROLLED_BACK -> null;
            case INTERRUPTED -> "monitoring was interrupted and nothing was rolled back: run monitor again, or roll"
                    + " the deployment back with " + rollback;
            case ROLLBACK_REFUSED -> "look at what changed the target since the deploy; to put the previous content"
                    + " back over it: " + rollback + " --force";
            case ROLLBACK_FAILED -> "a store failed during the rollback (see its targets above); when it is back: "
                    + rollback;
            case FAILED -> "nothing of this deployment is in this journal: deploy the previous commit"
                    + " (config-cicd deploy --environment " + r.environment() + " --commit-hash <previous>), or roll"
                    + " back where the deploy ran";
        });
    }

    static String ms(Duration d) {
        return d.toMillis() + " ms";
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
