package io.configcicd.maven;

import io.configcicd.core.api.MonitorOutcome;
import io.configcicd.core.api.MonitorRequest;
import io.configcicd.core.api.MonitorService;
import io.configcicd.core.api.ShutdownCancellation;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.event.Cancellation;
import io.configcicd.core.report.MonitorReports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Watches deployment {@code config.deploymentId} of {@code config.environment} for {@code config.duration}: every round
 * (the settings' {@code monitor: interval}, or {@code config.interval}) checks that each target still holds the
 * deployment and asks the environment's probes; {@code failures} failed rounds in a row roll the deployment back. One
 * log line per round (a warning when it failed), the outcome in the CLI's words, {@code monitor.json} and
 * {@code monitor.md} in {@code target/config-cicd/}. A failed monitor (rolled back, rollback refused, nothing to roll
 * back) fails the build; an interrupted run (the JVM shutting down: a cancelled CI job) or a rollback that failed on a
 * store is an execution error. Not bound to a phase
 * ({@code mvn config:monitor -Dconfig.environment=production -Dconfig.deploymentId=42 -Dconfig.duration=5m}).
 */
@Mojo(name = "monitor", threadSafe = true, requiresProject = true)
public class MonitorMojo extends AbstractConfigMojo {

    /** The deployment to watch: the id {@code config:deploy} was given (or printed). Required. */
    @Parameter(property = "config.deploymentId")
    private String deploymentId;

    /** How long to watch: seconds ({@code 300}) or a number with its unit ({@code 500ms}, {@code 10s}, {@code 5m}). */
    @Parameter(property = "config.duration")
    private String duration;

    /** Time between rounds, in the same form as {@code duration}; default the settings' {@code monitor: interval}. */
    @Parameter(property = "config.interval")
    private String interval;

    /** Where the hook that turns a shutdown into a cancellation goes: the JVM's, except in tests. */
    ShutdownCancellation.Hooks shutdownHooks = ShutdownCancellation.Hooks.RUNTIME;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        MojoDirectories dirs = directories();
        Optional<Path> dir = dirs.existingConfigDirectory("monitor");
        if (dir.isEmpty()) {
            return;
        }
        MonitorRequest request = request(DeployGoals.environment(shared().environments(), "monitor"));
        Cancellation cancellation = new Cancellation();
        LearnedSecrets learned = new LearnedSecrets();
        try (Workspace workspace = openWorkspace(dir.get());
             ShutdownCancellation hook = ShutdownCancellation.install(cancellation, ShutdownCancellation.WAIT,
                     shutdownHooks, ShutdownCancellation.Then.NOTHING)) {
            maskAlso(learned);   // from the first round on: a probe header's resolved value, before any event
            MonitorOutcome outcome = new MonitorService(learned).monitor(workspace,
                    request.withCancellation(cancellation));
            maskAlso(outcome.masker());
            var r = outcome.result();
            DeployGoals.finish(log(), dirs, "monitor", text -> outcome.masker().mask(learned.apply(text)),
                    MonitorReports.text(r), MonitorReports.structure(r), MonitorReports.markdown(r), outcome.failure(),
                    "deployment " + r.deploymentId() + " of " + r.environment() + ": " + r.status().word() + " ("
                            + r.reason() + ")");
        }
    }

    /** The request the parameters make; a missing or bad one fails the build naming it. */
    private MonitorRequest request(String environment) throws MojoFailureException {
        String id = MojoParameters.value(deploymentId).orElseThrow(() -> new MojoFailureException(
                "config:monitor needs the deployment to watch in <deploymentId> (config.deploymentId),"
                        + " for example -Dconfig.deploymentId=42: the id config:deploy was given"));
        Duration watch = MojoParameters.duration(duration, "duration", "config.duration").orElseThrow(
                () -> new MojoFailureException("config:monitor needs how long to watch in <duration>"
                        + " (config.duration), for example -Dconfig.duration=5m or -Dconfig.duration=300"));
        Optional<Duration> every = MojoParameters.duration(interval, "interval", "config.interval");
        return MonitorRequest.of(environment, id, watch).withInterval(every);
    }
}
