package io.configcicd.core.deploy.probe;

import io.configcicd.core.repo.ProbeSpec;

/** Makes the probe a {@link ProbeSpec} describes; its header references must already be resolved. */
public final class Probes {

    private Probes() {
    }

    /**
     * The probe of {@code spec.kind()}: {@link HttpProbe}, {@link PrometheusProbe} or {@link CommandProbe}. An
     * {@code http} or {@code prometheus} probe holds an {@link java.net.http.HttpClient} until {@link Probe#close()}.
     */
    public static Probe of(ProbeSpec spec, ProbeContext context) {
        return switch (spec.kind()) {
            case HTTP -> new HttpProbe(spec, context);
            case PROMETHEUS -> new PrometheusProbe(spec, context);
            case COMMAND -> new CommandProbe(spec, context);
        };
    }
}
