package io.configcicd.core.deploy.probe;

import io.configcicd.core.repo.ProbeSpec;

/** Makes the probe a {@link ProbeSpec} describes; its header references must already be resolved. */
public final class Probes {

    private Probes() {
    }

    public static Probe of(ProbeSpec spec, ProbeContext context) {
        throw new UnsupportedOperationException("probes are being written: " + spec.kind().word());
    }
}
