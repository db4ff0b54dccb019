package io.configcicd.core.deploy.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.OutputMasker;
import org.junit.jupiter.api.Test;

class ProbesTest {

    private static final ProbeContext CONTEXT = Specs.context(OutputMasker.none());

    @Test
    void makesTheProbeOfEachKindKeepingItsSpec() {
        var http = Specs.http("http://127.0.0.1:1/health").build();
        var prometheus = Specs.prometheus("http://127.0.0.1:1", "up").expect("1").build();
        var command = Specs.command("true").build();

        try (Probe h = Probes.of(http, CONTEXT); Probe p = Probes.of(prometheus, CONTEXT);
             Probe c = Probes.of(command, CONTEXT)) {
            assertThat(h).isInstanceOf(HttpProbe.class);
            assertThat(h.spec()).isSameAs(http);
            assertThat(p).isInstanceOf(PrometheusProbe.class);
            assertThat(p.spec()).isSameAs(prometheus);
            assertThat(c).isInstanceOf(CommandProbe.class);
            assertThat(c.spec()).isSameAs(command);
        }
    }
}
