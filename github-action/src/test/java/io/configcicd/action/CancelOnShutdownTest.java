package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.event.Cancellation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shutdown hook of a cancelled job: cancel the run, wait for its outputs (bounded), halt with 3. */
class CancelOnShutdownTest {

    private final Cancellation cancel = new Cancellation();
    private final List<Integer> halted = new CopyOnWriteArrayList<>();

    @Test
    void afterANormalEndTheHookNeitherCancelsNorHalts() {
        CancelOnShutdown hook = new CancelOnShutdown(cancel, Duration.ofSeconds(5), halted::add);
        hook.finished();

        hook.onShutdown();

        assertThat(cancel.isCancelled()).isFalse();
        assertThat(halted).isEmpty();
    }

    @Test
    void aSignalDuringTheRunCancelsItWaitsForTheStepToFinishThenHaltsWithThree() throws Exception {
        CancelOnShutdown hook = new CancelOnShutdown(cancel, Duration.ofSeconds(30), halted::add);

        CompletableFuture<Void> signal = CompletableFuture.runAsync(hook::onShutdown);
        assertThat(cancel.await(Duration.ofSeconds(10))).as("cancelled").isTrue();
        assertThat(cancel.reason()).isEqualTo("SIGTERM");
        Thread.sleep(100);
        assertThat(signal).isNotDone();
        assertThat(halted).isEmpty();
        hook.finished();

        signal.get(10, TimeUnit.SECONDS);
        assertThat(halted).containsExactly(3);
    }

    @Test
    void aStepThatDoesNotFinishWithinTheGraceIsHaltedWithThree() {
        CancelOnShutdown hook = new CancelOnShutdown(cancel, Duration.ofMillis(200), halted::add);
        long start = System.nanoTime();

        hook.onShutdown();

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(halted).containsExactly(3);
    }
}
