package io.configcicd.maven;

import io.configcicd.core.event.Cancellation;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Maven's side of a cancelled job for one goal run ({@code config:monitor}): while it is open, a JVM shutdown (the
 * SIGTERM a CI runner sends when the job is cancelled, Ctrl-C) cancels the run's {@link Cancellation} with reason
 * {@code "SIGTERM"} and holds the shutdown, for at most {@code wait}, until the goal has written its report and
 * {@link #close() closed} this. Closing removes the hook, so a finished goal leaves nothing behind in Maven's JVM.
 */
final class ShutdownCancellation implements AutoCloseable {

    /** How long a shutdown waits for the goal to write its report: short of a CI runner's kill timeout. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    /** Where the hook is registered; the JVM's {@link Runtime} outside tests. */
    interface Hooks {
        Hooks RUNTIME = new Hooks() {
            @Override
            public void add(Thread hook) {
                Runtime.getRuntime().addShutdownHook(hook);
            }

            @Override
            public void remove(Thread hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run: nothing left to remove
                }
            }
        };

        void add(Thread hook);

        void remove(Thread hook);
    }

    private final Cancellation cancellation;
    private final Duration wait;
    private final Hooks hooks;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownCancellation(Cancellation cancellation, Duration wait, Hooks hooks) {
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.hook = new Thread(this::onShutdown, "config-cicd-shutdown");
    }

    /** Registers the hook; close the result when the goal has written its report. */
    static ShutdownCancellation register(Cancellation cancellation, Duration wait, Hooks hooks) {
        ShutdownCancellation c = new ShutdownCancellation(cancellation, wait, hooks);
        hooks.add(c.hook);
        return c;
    }

    /** The hook's work: cancel the run, then wait (bounded) until the goal is done. */
    private void onShutdown() {
        cancellation.cancel("SIGTERM");
        try {
            finished.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The goal is done (its report written): a shutdown in progress may go on; the hook is removed. */
    @Override
    public void close() {
        finished.countDown();
        hooks.remove(hook);
    }
}
