package io.configcicd.core.api;

import io.configcicd.core.event.Cancellation;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A front end's answer to a JVM shutdown (the SIGTERM of a cancelled CI job, Ctrl-C) during a long operation
 * ({@code monitor}): while it is open, a shutdown hook cancels the run's {@link Cancellation} with the reason
 * {@code "SIGTERM"}, waits (at most {@code wait}) until the front end {@link #close() closes} it, having written its
 * report, and then runs the front end's {@link Then} on the hook's thread: the CLI and the action halt with their exit
 * code (3 for an interrupted monitor, not the 143 a signal would give); Maven lets its own shutdown go on. Closing it
 * after a normal end removes the hook. The core registers the hook only when a front end asks, and never starts it: the
 * JVM does, on shutdown.
 */
public final class ShutdownCancellation implements AutoCloseable {

    /** How long a shutdown waits for the run to end: short of a CI runner's kill timeout. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    /** Where the hook goes: the JVM's {@link Runtime} outside tests. */
    public interface Hooks {
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
                    // the hook runs already: it sees the run ended and goes on to its Then
                }
            }
        };

        void add(Thread hook);

        void remove(Thread hook);
    }

    /** What the hook does last; {@code endedInTime}: the run was closed within the wait. */
    @FunctionalInterface
    public interface Then {
        Then NOTHING = endedInTime -> { };

        void after(boolean endedInTime);
    }

    private final Cancellation cancellation;
    private final Duration wait;
    private final Hooks hooks;
    private final Then then;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;
    private boolean registered;

    private ShutdownCancellation(Cancellation cancellation, Duration wait, Hooks hooks, Then then) {
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.then = Objects.requireNonNull(then, "then");
        this.hook = new Thread(this::onShutdown, "config-cicd-shutdown");
    }

    /** Registers the hook with the JVM; close the result once the run has ended and its output is written. */
    public static ShutdownCancellation install(Cancellation cancellation, Duration wait, Then then) {
        return install(cancellation, wait, Hooks.RUNTIME, then);
    }

    public static synchronized ShutdownCancellation install(Cancellation cancellation, Duration wait, Hooks hooks,
                                                            Then then) {
        ShutdownCancellation s = new ShutdownCancellation(cancellation, wait, hooks, then);
        hooks.add(s.hook);
        s.registered = true;
        return s;
    }

    /** The run has ended, its output written: a hook already running goes on to its {@link Then}; else it is removed. */
    @Override
    public void close() {
        ended.countDown();
        synchronized (ShutdownCancellation.class) {
            if (registered) {
                registered = false;
                hooks.remove(hook);
            }
        }
    }

    private void onShutdown() {
        if (ended.getCount() > 0) {
            cancellation.cancel("SIGTERM");
        }
        boolean inTime;
        try {
            inTime = ended.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inTime = false;
        }
        then.after(inTime);
    }
}
