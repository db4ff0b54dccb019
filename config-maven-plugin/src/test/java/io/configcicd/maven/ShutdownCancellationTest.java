package io.configcicd.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.event.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownCancellationTest {

    /** Hooks that keep what was added and removed, so the test plays the JVM's part. */
    private static final class Hooks implements ShutdownCancellation.Hooks {
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

    @Test
    void aShutdownCancelsTheRunAsSigtermAndWaitsUntilTheGoalIsDone() throws Exception {
        Cancellation cancellation = new Cancellation();
        Hooks hooks = new Hooks();
        ShutdownCancellation registered = ShutdownCancellation.register(cancellation, Duration.ofSeconds(30), hooks);
        Thread hook = hooks.added.get(0);

        hook.start();
        assertThat(cancellation.await(Duration.ofSeconds(5))).isTrue();
        hook.join(300);
        assertThat(hook.isAlive()).as("held until the goal has written its report").isTrue();
        assertThat(cancellation.reason()).isEqualTo("SIGTERM");

        registered.close();
        hook.join(5_000);
        assertThat(hook.isAlive()).isFalse();
    }

    @Test
    void theShutdownIsHeldNoLongerThanTheWait() throws Exception {
        Hooks hooks = new Hooks();
        ShutdownCancellation.register(new Cancellation(), Duration.ofMillis(100), hooks);
        Thread hook = hooks.added.get(0);

        long start = System.nanoTime();
        hook.start();
        hook.join(10_000);

        assertThat(hook.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void closingRemovesTheHookWithoutCancelling() {
        Cancellation cancellation = new Cancellation();
        Hooks hooks = new Hooks();

        ShutdownCancellation.register(cancellation, Duration.ofSeconds(1), hooks).close();

        assertThat(hooks.removed).containsExactlyElementsOf(hooks.added).hasSize(1);
        assertThat(cancellation.isCancelled()).isFalse();
    }

    @Test
    void theRuntimeHooksRegisterAndRemoveARealShutdownHook() {
        Thread hook = new Thread(() -> { });
        ShutdownCancellation.Hooks.RUNTIME.add(hook);
        ShutdownCancellation.Hooks.RUNTIME.remove(hook);

        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("already removed").isFalse();
    }
}
