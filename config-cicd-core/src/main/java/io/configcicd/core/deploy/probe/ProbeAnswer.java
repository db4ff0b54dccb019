package io.configcicd.core.deploy.probe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one probe answered in one round: healthy or not, the answer in a few words, masked and at most
 * {@link #MAX_ANSWER} characters ({@code "HTTP 200, /status = UP"}, {@code "HTTP 503: {\"status\":\"DOWN\"}"},
 * {@code "0.012 (below 0.05)"}, {@code "exit 1: smoke failed"}, {@code "connection refused"}), how long it took,
 * and the number it read when there is one (a JSON pointer's or a query's value).
 */
public record ProbeAnswer(boolean healthy, String answer, Duration latency, Optional<Double> value) {

    public static final int MAX_ANSWER = 300;

    public ProbeAnswer {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(value, "value");
        if (answer.length() > MAX_ANSWER) {
            answer = answer.substring(0, MAX_ANSWER - 1) + "…";
        }
    }

    public static ProbeAnswer healthy(String answer, Duration latency) {
        return new ProbeAnswer(true, answer, latency, Optional.empty());
    }

    public static ProbeAnswer unhealthy(String answer, Duration latency) {
        return new ProbeAnswer(false, answer, latency, Optional.empty());
    }
}
