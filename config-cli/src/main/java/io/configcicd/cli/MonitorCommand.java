package io.configcicd.cli;

import io.configcicd.core.api.MonitorOutcome;
import io.configcicd.core.api.MonitorRequest;
import io.configcicd.core.api.MonitorService;
import io.configcicd.core.api.ShutdownCancellation;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.event.Cancellation;
import io.configcicd.core.event.MaskSink;
import io.configcicd.core.report.MonitorReports;
import io.configcicd.core.security.OutputMasker;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code monitor --environment E --deployment-id ID --duration D [--interval D]}: a thin adapter over
 * {@link MonitorService#monitor}. Each round is a line on standard error as it happens (see {@link ProgressLines});
 * the report at the end. SIGTERM or SIGINT stops it through a {@link ShutdownCancellation}: nothing rolled back, exit
 * 3, the report saying what to do next. Exit 0 healthy or superseded; 1 failed (rolled back, rollback refused, nothing to roll back); 3 interrupted or
 * the rollback failed on a store; 4 access denied.
 */
@Command(name = "monitor", sortOptions = false, description = "Watch a deployment for a while: in rounds, check that"
        + " every target still holds it and ask the environment's probes; after failures in a row roll it back"
        + " (never forced). A later deployment supersedes it (exit 0). SIGTERM stops it without rolling back (exit 3).")
final class MonitorCommand extends ConfigCommand {

    @Option(names = "--environment", required = true, paramLabel = "ENV", description = "The environment deployed.")
    private String environment;

    @Option(names = "--deployment-id", required = true, paramLabel = "ID", description = "The deployment to watch"
            + " (its journal entry under .config-cicd/deployments/ says what to roll back).")
    private String deploymentId;

    @Option(names = "--duration", required = true, paramLabel = "D", converter = DurationOption.class,
            description = "How long to watch: seconds (300) or 500ms, 10s, 5m, 1h.")
    private Duration duration;

    @Option(names = "--interval", paramLabel = "D", converter = DurationOption.class, description = "Between rounds"
            + " (default: monitor.interval of config-cicd.yaml, else 10s); the same forms as --duration.")
    private Duration interval;

    private volatile int exit = ErrorReporter.EXTERNAL;
    private Optional<ShutdownCancellation> signals = Optional.empty();

    @Override
    protected void execute(Workspace workspace, Output output) {
        Cancellation cancellation = new Cancellation();
        ConfigCicdCli cli = cli();
        signals = Optional.of(ShutdownCancellation.install(cancellation, ShutdownCancellation.WAIT, inTime -> {
            cli.out().flush();
            cli.err().flush();
            System.out.flush();
            System.err.flush();
            // the JVM's exit is under way and waits for this hook: halt with the command's code, 3 if it did not end
            Runtime.getRuntime().halt(inTime ? exit : ErrorReporter.EXTERNAL);
        }));
        MaskSink learned = values -> cli.maskWith(cli.masker().with(OutputMasker.ofValues(values)));
        MonitorRequest request = MonitorRequest.of(environment, deploymentId, duration)
                .withInterval(Optional.ofNullable(interval)).withCancellation(cancellation);
        MonitorOutcome outcome = new MonitorService(learned).monitor(workspace, request);
        cli.maskWith(cli.masker().with(outcome.masker()));
        output.result(MonitorReports.structure(outcome.result()), () -> MonitorReports.text(outcome.result()));
        exit = outcome.exitCode();
    }

    @Override
    protected void ended() {
        signals.ifPresent(ShutdownCancellation::close);
    }

    @Override
    protected int exitCode() {
        return exit;
    }
}
