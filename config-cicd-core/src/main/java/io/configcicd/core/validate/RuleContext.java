package io.configcicd.core.validate;

import io.configcicd.core.model.ConfigMap;
import java.util.Map;

/**
 * What a rule sees: the environment under validation, its effective configuration (every node with its
 * origin), whether it is protected (production by default), and the effective configurations of every
 * environment (for cross-environment rules). Look values up with {@code ConfigNodes.at}.
 */
public record RuleContext(String environment, ConfigMap effective, boolean isProtected,
                          Map<String, ConfigMap> allEnvironments) {

    public RuleContext {
        allEnvironments = Map.copyOf(allEnvironments);
    }
}
