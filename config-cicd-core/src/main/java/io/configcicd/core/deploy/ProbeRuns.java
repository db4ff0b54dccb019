package io.configcicd.core.deploy;

import io.configcicd.core.deploy.probe.Probe;
import io.configcicd.core.deploy.probe.ProbeAnswer;
import io.configcicd.core.event.Cancellation;
import io.configcicd.core.repo.ProbeSpec;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One probe over a monitor run: asks it each round and keeps what the report needs (latencies, last answers). */
final class ProbeRuns implements AutoCloseable {

    static final int LAST_ANSWERS = 3;

    private final Probe probe;
    private final List<Duration> latencies = new ArrayList<>();
    private final Deque<String> last = new ArrayDeque<>();
    private int failures;
    private int failedInARow;
    private boolean lastHealthy = true;

    ProbeRuns(Probe probe) {
        this.probe = probe;
    }

    ProbeSpec spec() {
        return probe.spec();
    }

    /** Asks the probe once; an answer cut short by the cancellation is not counted. */
    ProbeAnswer ask(Cancellation cancel) {
        ProbeAnswer a = probe.ask(cancel);
        if (cancel.isCancelled()) {
            return a;
        }
        latencies.add(a.latency());
        lastHealthy = a.healthy();
        if (a.healthy()) {
            failedInARow = 0;
        } else {
            failures++;
            failedInARow++;
        }
        last.addLast(a.answer());
        while (last.size() > LAST_ANSWERS) {
            last.removeFirst();
        }
        return a;
    }

    int failedInARow() {
        return failedInARow;
    }

    MonitorResult.ProbeSummary summary() {
        List<Duration> sorted = latencies.stream().sorted().toList();
        Duration min = sorted.isEmpty() ? Duration.ZERO : sorted.get(0);
        Duration max = sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() - 1);
        Duration median = sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() / 2);
        return new MonitorResult.ProbeSummary(spec().name(), spec().kind().word(), spec().condition(),
                latencies.size(), failures, min, median, max, List.copyOf(last), lastHealthy);
    }

    @Override
    public void close() {
        probe.close();
    }
}
