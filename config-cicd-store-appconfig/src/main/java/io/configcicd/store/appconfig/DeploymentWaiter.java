package io.configcicd.store.appconfig;

import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Waits, on the caller's thread, for a deployment to end: polls {@code GetDeployment} every
 * {@link AppConfigSettings#pollInterval()}, reports each change of state or percentage (VALIDATING, DEPLOYING 40%,
 * BAKING, COMPLETE) to the progress listener, and returns on COMPLETE. ROLLED_BACK or REVERTED (AppConfig's own
 * alarm rollback, or a stop) fails the target; a deployment still running at {@link AppConfigSettings#timeout()}
 * (by the store's clock) is stopped, so that the environment returns to what it held, and fails the target.
 */
final class DeploymentWaiter {

    private final AppConfigSettings settings;
    private final AppConfigApi api;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> progress;

    DeploymentWaiter(AppConfigSettings settings, AppConfigApi api, Clock clock, Sleeper sleeper,
                     Consumer<String> progress) {
        this.settings = settings;
        this.api = api;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /** Waits for COMPLETE. */
    void awaitComplete(AppConfigApi.Ids ids, AppConfigApi.Deployment started) {
        Instant deadline = clock.instant().plus(settings.timeout());
        String last = "";
        int number = started.number();
        while (true) {
            AppConfigApi.Deployment d = api.deployment(ids, number);
            last = report(d, last);
            if (d.state().equals("COMPLETE")) {
                return;
            }
            if (!d.running()) {
                throw new StoreException(Reason.UNAVAILABLE, settings.target(), "AppConfig ended deployment #" + number
                        + " of version " + d.version() + " as " + d.state() + " (an alarm of the environment, or a"
                        + " stop); " + AppConfigErrors.NOTHING_CHANGED, "see the deployment's event log in the AppConfig"
                        + " console (" + settings.where() + ") for the alarm that fired, fix the cause, deploy again");
            }
            if (!clock.instant().isBefore(deadline)) {
                stopAfterTimeout(ids, d);
            }
            pause();
        }
    }

    /** Stops a running deployment and waits until AppConfig has rolled it back. */
    void stop(AppConfigApi.Ids ids, int number) {
        api.stopDeployment(ids, number);
        progress.accept("stopped deployment #" + number);
        awaitEnd(ids, number);
    }

    private void stopAfterTimeout(AppConfigApi.Ids ids, AppConfigApi.Deployment d) {
        String state = d.state() + (d.state().equals("DEPLOYING") ? " " + Math.round(d.percent()) + "%" : "");
        String outcome;
        try {
            stop(ids, d.number());
            outcome = "it was stopped and AppConfig rolled it back: " + AppConfigErrors.NOTHING_CHANGED;
        } catch (StoreException e) {
            outcome = "stopping it failed (" + e.problem() + "): it may still complete, read the target back (drift)";
        }
        throw new StoreException(Reason.UNAVAILABLE, settings.target(), "deployment #" + d.number() + " of version "
                + d.version() + " was still " + state + " after timeout " + settings.timeout() + "; " + outcome,
                "raise timeout: of the target (the strategy " + settings.strategy() + " decides how long a deployment"
                        + " and its bake take), or choose a faster strategy");
    }

    /** Waits for a deployment that was stopped to reach ROLLED_BACK (at most the timeout). */
    private void awaitEnd(AppConfigApi.Ids ids, int number) {
        Instant deadline = clock.instant().plus(settings.timeout());
        String last = "";
        while (true) {
            AppConfigApi.Deployment d = api.deployment(ids, number);
            last = report(d, last);
            if (!d.running()) {
                return;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new StoreException(Reason.UNAVAILABLE, settings.target(), "deployment #" + number
                        + " was stopped but is still " + d.state() + " after " + settings.timeout(),
                        "see the deployment in the AppConfig console (" + settings.where() + ")");
            }
            pause();
        }
    }

    private String report(AppConfigApi.Deployment d, String last) {
        String now = "deployment #" + d.number() + " of version " + d.version() + ": " + d.state()
                + (d.state().equals("DEPLOYING") ? " " + Math.round(d.percent()) + "%" : "");
        if (!now.equals(last)) {
            progress.accept(now);
        }
        return now;
    }

    private void pause() {
        try {
            sleeper.sleep(settings.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(Reason.UNAVAILABLE, settings.target(), "interrupted while waiting for a"
                    + " deployment; it keeps running in AppConfig", "read the target back (drift) to see what it holds");
        }
    }
}
