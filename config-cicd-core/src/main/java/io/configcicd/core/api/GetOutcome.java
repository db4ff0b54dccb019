package io.configcicd.core.api;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Scope;
import java.util.Objects;

/**
 * What {@link ReadService#get} read: the value or subtree at {@code path} ({@link ConfigPath#root()} for the whole
 * configuration), its secrets masked unless {@link #revealed()}: then the request asked to reveal, access allowed it,
 * the reveal was audited, and the value holds real secrets (decrypted, references resolved), so the front end must
 * stop masking its output for it.
 */
public record GetOutcome(Scope scope, String name, ConfigPath path, ConfigNode value, boolean revealed) {

    public GetOutcome {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }
}
