package io.configcicd.core.event;

import java.util.List;

/**
 * Where a service hands a front end the plain values of secrets it learned while it runs (a {@code ${vault:...}} or
 * {@code ${aws-sm:...}} reference resolved for a {@code secrets: resolve} target, an {@code ENC[...]} value opened
 * with the key, a {@code ${VAR}} read from the environment), for a runner that masks on its own side, like GitHub's
 * {@code ::add-mask::}. The service calls it on the thread that runs the operation, with the values not handed over
 * before, before it emits any event or returns anything that could contain them. An {@link Event} never carries a
 * secret; this is the one channel that does, so a sink must print the values nowhere but in the runner's masking
 * command.
 */
@FunctionalInterface
public interface MaskSink {

    /** Ignores the values: for front ends that mask their output with the outcome's masker alone. */
    MaskSink NONE = values -> { };

    /** @param values plain secret values, each at least four characters, none handed over before in this run */
    void learned(List<String> values);
}
