package io.configcicd.core.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a store gets from the product besides its spec: the clock (time of records, latencies), the directory that
 * relative paths in options are resolved against (the repository's root), and a progress listener for what a
 * long operation goes through (an AppConfig deployment's DEPLOYING 40%, BAKING), which the deploy engine turns
 * into its events for that target. Progress lines hold no configuration value.
 */
public record StoreContext(Clock clock, Path baseDirectory, Consumer<String> progress) {

    /** A context whose progress goes nowhere. */
    public StoreContext(Clock clock, Path baseDirectory) {
        this(clock, baseDirectory, message -> { });
    }

    public StoreContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(progress, "progress");
    }

    /** The same context with its progress going to {@code listener}. */
    public StoreContext withProgress(Consumer<String> listener) {
        return new StoreContext(clock, baseDirectory, listener);
    }
}
