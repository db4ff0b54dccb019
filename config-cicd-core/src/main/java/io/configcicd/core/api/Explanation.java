package io.configcicd.core.api;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.List;

/**
 * Why an environment's effective value is what it is: the value, where it was set, and the values it
 * overrode (most recent first), each with its own origin.
 */
public record Explanation(String environment, ConfigPath path, ConfigNode value, Origin setAt,
                          List<ConfigNode> overridden) {

    public Explanation {
        overridden = List.copyOf(overridden);
    }
}
