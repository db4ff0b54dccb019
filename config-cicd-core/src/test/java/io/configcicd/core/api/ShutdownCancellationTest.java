package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.event.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A shutdown during a run: cancel it, wait for the front end to finish its output (bounded), then its last step. */
class ShutdownCancellationTest {

    /** Hooks kept for the test to run, as the JVM would on shutdown. */
    static final class FakeHooks implements ShutdownCancellation.Hooks {
        final List<Thread> added = new ArrayList<>();
        final List<Thread> removed = new ArrayList<>();

        @Override
        public void add(Thread hook) {
            added.add(hook);
        }

        @Override
        public void remove(Thread hook) {
            removed.add(hook);
        }
    }

    private final Cancellation cancellation = new Cancellation();
    private final FakeHooks hooks = new FakeHooks();
    private final CompletableFuture<Boolean> then = new CompletableFuture<>();

    private ShutdownCancellation install(Duration wait) {
        return ShutdownCancellation.install(cancellation, wait, hooks, then::complete);
    }

    @Test
    void aShutdownCancelsTheRunAndWaitsUntilTheFrontEndClosesItBeforeItsLastStep() throws Exception {
        ShutdownCancellation s = install(Duration.ofSeconds(20));
        Thread signal = hooks.added.get(0);
        signal.start();

        assertThat(cancellation.await(Duration.ofSeconds(10))).isTrue();
        assertThat(cancellation.reason()).isEqualTo("SIGTERM");
        Thread.sleep(100);
        assertThat(then).as("waits for the report").isNotDone();

        s.close();

        assertThat(then.get(10, TimeUnit.SECONDS)).isTrue();
        signal.join(10_000);
    }

    @Test
    void aRunThatDoesNotEndInTimeGoesToTheLastStepAnyway() throws Exception {
        install(Duration.ofMillis(50));

        hooks.added.get(0).run();

        assertThat(then.get(1, TimeUnit.SECONDS)).isFalse();
        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void closingAfterANormalEndRemovesTheHookAndCancelsNothing() {
        ShutdownCancellation s = install(Duration.ofSeconds(20));

        s.close();
        s.close();

        assertThat(hooks.removed).containsExactly(hooks.added.get(0));
        assertThat(cancellation.isCancelled()).isFalse();
        assertThat(then).isNotDone();
    }

    @Test
    void aHookThatRunsAfterTheRunEndedDoesNotCancelIt() throws Exception {
        ShutdownCancellation s = install(Duration.ofSeconds(20));
        s.close();

        hooks.added.get(0).run();

        assertThat(then.get(1, TimeUnit.SECONDS)).isTrue();
        assertThat(cancellation.isCancelled()).isFalse();
    }
}
