package io.configcicd.cli;

import io.configcicd.core.event.Cancellation;
import java.io.Flushable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * SIGTERM or SIGINT (a cancelled CI job, Ctrl-C) during a long command ({@code monitor}): a JVM shutdown hook, there
 * only for the time of the run, that cancels the run's {@link Cancellation}, waits (at most {@link #WAIT}) until the
 * command has ended (the service stopped and journaled it, the report is written), flushes standard output and error
 * and halts the JVM with the command's exit code: 3 for an interrupted monitor, not the 143 or 130 a signal would
 * otherwise give. It halts because the JVM's own exit is already under way and would wait for this hook, and
 * {@code System.exit} from the command's thread would block. A run that ends without a signal removes the hook.
 */
final class ShutdownCancellation implements AutoCloseable {

    /** How long the hook waits for the command to end before it halts anyway (with exit 3). */
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final int INTERRUPTED = ErrorReporter.EXTERNAL;

    private final Cancellation cancellation;
    private final Duration wait;
    private final IntConsumer halt;
    private final List<Flushable> streams;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "config-cicd-shutdown");
    private volatile int exitCode = INTERRUPTED;
    private volatile boolean installed;

    /** @param halt what ends the process with an exit code: {@code Runtime.getRuntime()::halt} */
    ShutdownCancellation(Cancellation cancellation, Duration wait, IntConsumer halt, List<Flushable> streams) {
        this.cancellation = cancellation;
        this.wait = wait;
        this.halt = halt;
        this.streams = List.copyOf(streams);
    }

    /** Registers the hook with the JVM: a signal from now on cancels {@code cancellation} and halts the process. */
    static ShutdownCancellation install(Cancellation cancellation, List<Flushable> streams) {
        ShutdownCancellation s = new ShutdownCancellation(cancellation, WAIT, Runtime.getRuntime()::halt, streams);
        Runtime.getRuntime().addShutdownHook(s.hook);
        s.installed = true;
        return s;
    }

    /** The command has ended with {@code code}, its output written: the hook may halt now, or is no longer needed. */
    void ended(int code) {
        exitCode = code;
        close();
    }

    /** Removes the hook; a hook already running (the JVM is shutting down) goes on and halts. */
    @Override
    public void close() {
        ended.countDown();
        if (installed) {
            installed = false;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs: it saw the latch released and halts with the exit code
            }
        }
    }

    /** What the hook runs; package-private for the tests, which call it without a signal. */
    void onShutdown() {
        cancellation.cancel("SIGTERM");
        try {
            ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Flushable s : streams) {
            try {
                s.flush();
            } catch (IOException | RuntimeException e) {
                // nothing more can be said: the process ends
            }
        }
        System.out.flush();
        System.err.flush();
        halt.accept(exitCode);
    }
}
