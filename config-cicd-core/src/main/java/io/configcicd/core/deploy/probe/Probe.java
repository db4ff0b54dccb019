package io.configcicd.core.deploy.probe;

import io.configcicd.core.event.Cancellation;
import io.configcicd.core.repo.ProbeSpec;

/**
 * A health probe of {@code monitor} (an HTTP endpoint, a Prometheus query, a command), asked once per round on the
 * caller's thread. It never throws for what the probed system does: a refused connection, a timeout, a bad answer or a
 * non-zero exit is an unhealthy {@link ProbeAnswer} saying so. A probe returns early (unhealthy, "cancelled") when the
 * cancellation fires while it waits.
 */
public interface Probe extends AutoCloseable {

    ProbeSpec spec();

    ProbeAnswer ask(Cancellation cancel);

    @Override
    default void close() {
    }
}
