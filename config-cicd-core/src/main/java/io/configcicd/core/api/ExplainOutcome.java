package io.configcicd.core.api;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.List;
import java.util.Objects;

/**
 * Why an environment's effective value is what it is, ready to print: the value (secrets masked), where it was set,
 * and the values it overrode, most recent first. Every origin names its file relative to the repository root, as
 * every output does ({@code configuration/environments/production.yaml:3:28}).
 */
public record ExplainOutcome(String environment, ConfigPath path, ConfigNode value, Origin setAt,
                             List<Overridden> overridden) {

    /** A value that was overridden (masked) and where it was written. */
    public record Overridden(ConfigNode value, Origin origin) {
        public Overridden {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
        }
    }

    public ExplainOutcome {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(setAt, "setAt");
        overridden = List.copyOf(overridden);
    }
}
