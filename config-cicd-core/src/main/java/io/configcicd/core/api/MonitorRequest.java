package io.configcicd.core.api;

import io.configcicd.core.event.Cancellation;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link MonitorService#monitor}: watch deployment {@code deploymentId} of {@code environment} for {@code duration}
 * (rounds at the settings' interval, or {@code interval} when given), and stop early when {@code cancel} fires.
 */
public record MonitorRequest(String environment, String deploymentId, Duration duration, Optional<Duration> interval,
                             Cancellation cancel) {

    public MonitorRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(cancel, "cancel");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        interval.filter(i -> i.isNegative() || i.isZero()).ifPresent(i -> {
            throw new IllegalArgumentException("interval must be positive");
        });
    }

    public static MonitorRequest of(String environment, String deploymentId, Duration duration) {
        return new MonitorRequest(environment, deploymentId, duration, Optional.empty(), Cancellation.none());
    }

    public MonitorRequest withInterval(Optional<Duration> every) {
        return new MonitorRequest(environment, deploymentId, duration, every, cancel);
    }

    public MonitorRequest withCancellation(Cancellation c) {
        return new MonitorRequest(environment, deploymentId, duration, interval, c);
    }
}
