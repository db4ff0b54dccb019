package io.configcicd.core.api;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Scope;
import java.util.Objects;

/**
 * What {@link WriteService#set} changes: one path of environment {@code name}'s override document (either scope names
 * the environment), set to {@code value} as a user typed it (read like YAML by {@link ValueParser}), validated before
 * it is written unless {@code validate} is false.
 */
public record SetRequest(Scope scope, String name, ConfigPath path, String value, boolean validate) {

    public SetRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }

    /** A validated change. */
    public static SetRequest of(Scope scope, String name, ConfigPath path, String value) {
        return new SetRequest(scope, name, path, value, true);
    }

    /** With {@code false}, the value is written even when it introduces findings (they are not checked). */
    public SetRequest withValidation(boolean check) {
        return new SetRequest(scope, name, path, value, check);
    }
}
