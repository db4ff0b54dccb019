package io.configcicd.core.api;

import io.configcicd.core.model.ConfigPath;
import java.util.Objects;

/** What {@link ReadService#explain} explains: the effective value at {@code path} in {@code environment}. */
public record ExplainRequest(String environment, ConfigPath path) {

    public ExplainRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(path, "path");
    }

    public static ExplainRequest of(String environment, ConfigPath path) {
        return new ExplainRequest(environment, path);
    }
}
