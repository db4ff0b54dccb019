package io.configcicd.action;

import io.configcicd.core.event.Cancellation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * What a cancelled workflow's SIGTERM does to a running step: the JVM's shutdown hook {@link #onShutdown} fires the
 * run's {@link Cancellation} with the reason {@code "SIGTERM"} (a monitor run stops probing at once, rolls nothing back
 * and journals "monitoring interrupted"), waits at most {@code grace} for the step to write its outputs, its summary
 * and its log ({@link #finished}), then halts with exit 3. The runner kills a cancelled step that does not end soon
 * after the signal, so the grace stays short. After a normal end ({@link #finished} before the hook runs, as
 * {@code System.exit} runs the hooks too) it does nothing.
 */
final class CancelOnShutdown {

    /** The exit code of a run stopped by a signal: monitoring interrupted (ARCHITECTURE 3). */
    static final int INTERRUPTED = Failures.EXTERNAL;

    private final Cancellation cancel;
    private final Duration grace;
    private final IntConsumer halt;
    private final CountDownLatch done = new CountDownLatch(1);

    /** @param halt ends the process without running the hooks again ({@code Runtime.getRuntime()::halt}) */
    CancelOnShutdown(Cancellation cancel, Duration grace, IntConsumer halt) {
        this.cancel = cancel;
        this.grace = grace;
        this.halt = halt;
    }

    /** Installs {@link #onShutdown} as a shutdown hook of this JVM. */
    CancelOnShutdown install() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "config-cicd-sigterm"));
        return this;
    }

    /** The step wrote everything it writes; the process may end. */
    void finished() {
        done.countDown();
    }

    /** The shutdown hook: nothing after a normal end; otherwise cancel, wait for the step (bounded), halt with 3. */
    void onShutdown() {
        if (done.getCount() == 0) {
            return;
        }
        cancel.cancel("SIGTERM");
        try {
            done.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        halt.accept(INTERRUPTED);
    }
}
