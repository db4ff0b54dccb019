package io.configcicd.core.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What a store gets from the product besides its spec: the clock (time of records, latencies) and the
 * directory that relative paths in options are resolved against (the repository's root).
 */
public record StoreContext(Clock clock, Path baseDirectory) {

    public StoreContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
    }
}
