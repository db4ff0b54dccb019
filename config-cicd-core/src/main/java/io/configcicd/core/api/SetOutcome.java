package io.configcicd.core.api;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WriteService#set} wrote: the file (relative to the configuration directory), the path, the value written
 * and the effective value it replaced (empty when the path was not set), both with secrets masked, and the id of the
 * backup taken before the write.
 */
public record SetOutcome(String file, ConfigPath path, ConfigNode value, Optional<ConfigNode> previous, String backup) {

    public SetOutcome {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(backup, "backup");
    }
}
