package io.configcicd.core.api;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Scope;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ReadService#get} reads: a configuration ({@code GLOBAL, E}: E's effective configuration;
 * {@code ENVIRONMENT, E}: E's override document alone), optionally one path of it (empty: the whole configuration),
 * and whether to reveal its secrets (decrypted, {@code ${VAR}} and external references resolved), which needs the
 * {@code reveal} permission and is audited.
 */
public record GetRequest(Scope scope, String name, Optional<ConfigPath> path, boolean reveal) {

    public GetRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }

    /** The whole configuration, secrets masked. */
    public static GetRequest of(Scope scope, String name) {
        return new GetRequest(scope, name, Optional.empty(), false);
    }

    public GetRequest withPath(ConfigPath p) {
        return new GetRequest(scope, name, Optional.of(p), reveal);
    }

    public GetRequest withReveal(boolean revealSecrets) {
        return new GetRequest(scope, name, path, revealSecrets);
    }
}
