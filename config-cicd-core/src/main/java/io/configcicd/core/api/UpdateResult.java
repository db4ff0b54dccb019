package io.configcicd.core.api;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import java.util.List;
import java.util.Optional;

/** What an update wrote: the file, and for each path its effective value before and the value written. */
public record UpdateResult(String file, List<PathUpdate> updates) {

    public record PathUpdate(ConfigPath path, Optional<ConfigNode> previous, ConfigNode value) {
    }

    public UpdateResult {
        updates = List.copyOf(updates);
    }
}
