package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.event.Cancellation;
import java.io.Flushable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shutdown hook of a monitor run, driven without a signal: cancel, wait for the command, flush, halt. */
class ShutdownCancellationTest {

    private final Cancellation cancellation = new Cancellation();
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> halted = new CompletableFuture<>();

    private ShutdownCancellation hook(Duration wait) {
        Flushable out = () -> steps.add("flushed");
        return new ShutdownCancellation(cancellation, wait, code -> {
            steps.add("halted");
            halted.complete(code);
        }, List.of(out));
    }

    @Test
    void aSignalCancelsTheRunWaitsUntilTheCommandEndedThenFlushesAndHaltsWithItsExitCode() throws Exception {
        ShutdownCancellation s = hook(Duration.ofSeconds(20));
        Thread signal = new Thread(s::onShutdown);
        signal.start();

        assertThat(cancellation.await(Duration.ofSeconds(10))).isTrue();
        assertThat(cancellation.reason()).isEqualTo("SIGTERM");
        Thread.sleep(100);
        assertThat(halted).as("halts only once the command has written its report").isNotDone();

        s.ended(3);

        assertThat(halted.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(steps).containsExactly("flushed", "halted");
        signal.join(10_000);
    }

    @Test
    void aCommandThatEndedOtherwiseBeforeTheSignalKeepsItsExitCode() throws Exception {
        ShutdownCancellation s = hook(Duration.ofSeconds(20));
        s.ended(1);

        s.onShutdown();

        assertThat(halted.get(1, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void aCommandThatDoesNotEndInTimeIsHaltedWithExitThree() throws Exception {
        ShutdownCancellation s = hook(Duration.ofMillis(50));

        s.onShutdown();

        assertThat(halted.get(1, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(cancellation.isCancelled()).isTrue();
    }
}
