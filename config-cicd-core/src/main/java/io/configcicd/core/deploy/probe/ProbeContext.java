package io.configcicd.core.deploy.probe;

import io.configcicd.core.security.OutputMasker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What probes need from the run: the directory a command probe runs in (the repository's root, where deploy targets'
 * paths are relative to), the process environment a command probe gets, the masker every answer passes through
 * before it leaves the probe, and the clock latencies are measured with.
 */
public record ProbeContext(Path workingDirectory, Map<String, String> env, OutputMasker masker, Clock clock) {

    public ProbeContext {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        env = Map.copyOf(env);
        Objects.requireNonNull(masker, "masker");
        Objects.requireNonNull(clock, "clock");
    }
}
