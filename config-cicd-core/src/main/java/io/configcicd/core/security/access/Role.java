package io.configcicd.core.security.access;

import io.configcicd.core.model.Origin;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A role of {@code access.roles}: permissions granted on the environments matching its patterns.
 *
 * @param name         the role's name
 * @param permissions  what it grants
 * @param environments glob patterns of environment names ({@code *}, {@code ?}); {@code ["*"]} by default
 * @param origin       where the role was declared
 */
public record Role(String name, Set<Permission> permissions, List<String> environments, Origin origin) {

    public Role {
        Objects.requireNonNull(name, "name");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        environments = List.copyOf(environments);
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Whether the role grants a permission on an environment; on {@link AccessPolicy#ANY_ENVIRONMENT},
     * whether it grants it on some environment.
     */
    public boolean grants(Permission permission, String environment) {
        if (!permissions.contains(permission)) {
            return false;
        }
        if (environment.equals(AccessPolicy.ANY_ENVIRONMENT)) {
            return !environments.isEmpty();
        }
        return environments.stream().anyMatch(p -> EnvironmentGlob.of(p).matches(environment));
    }
}
