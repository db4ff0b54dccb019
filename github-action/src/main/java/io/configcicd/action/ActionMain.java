package io.configcicd.action;

import io.configcicd.core.api.ShutdownCancellation;
import io.configcicd.core.event.Cancellation;
import java.time.Duration;

/**
 * The entry point of {@code config-cicd-action.jar}, which the action's Docker image runs (ARCHITECTURE 5): it reads
 * the runner's {@code GITHUB_*} and {@code INPUT_*} variables, runs one command through the core facades and exits
 * with the CLI's codes (0 success, 1 findings or risk at or above {@code fail_on}, 2 bad input, 3 an external
 * system failed or the job was cancelled, 4 access denied). A cancelled job's SIGTERM cancels the run
 * ({@link ShutdownCancellation}: the step writes its outputs and summary, then the process halts with exit 3).
 */
public final class ActionMain {

    /** How long a SIGTERM waits for the step to write its outputs and summary before the process halts. */
    static final Duration SIGTERM_GRACE = Duration.ofSeconds(5);

    private ActionMain() {
    }

    public static void main(String[] args) {
        Cancellation cancel = new Cancellation();
        int exit;
        try (ShutdownCancellation shutdown = ShutdownCancellation.install(cancel, SIGTERM_GRACE, inTime -> {
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(Failures.EXTERNAL);   // a cancelled job: exit 3, not the signal's 143
        })) {
            exit = new ActionRunner(System.getenv(), toolVersion(), cancel).run(System.out, System.err);
        }
        System.exit(exit);
    }

    /** The version in the jar's manifest ({@code Implementation-Version}), or "dev" when running from classes. */
    static String toolVersion() {
        String v = ActionMain.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
