package io.configcicd.maven;

import io.configcicd.core.event.MaskSink;
import io.configcicd.core.security.OutputMasker;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The secret values a service learns while it runs (a probe header's {@code ${HEALTH_TOKEN}}, a value a rollback
 * resolved), handed over by the service before it emits anything that could hold them: the goal's log masks them from
 * that moment on, not only once the outcome's masker is known. Prints nothing.
 */
final class LearnedSecrets implements MaskSink, UnaryOperator<String> {

    private volatile OutputMasker masker = OutputMasker.none();

    @Override
    public synchronized void learned(List<String> values) {
        masker = masker.with(OutputMasker.ofValues(values));
    }

    @Override
    public String apply(String text) {
        return masker.mask(text);
    }
}
