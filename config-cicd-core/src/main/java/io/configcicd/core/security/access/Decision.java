package io.configcicd.core.security.access;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link AccessPolicy#check}: allowed or not, and why.
 *
 * @param allowed       whether the principal may do it
 * @param principal     who asked
 * @param permission    what was needed
 * @param environment   where ({@link AccessPolicy#ANY_ENVIRONMENT} for "some environment")
 * @param roles         the roles the principal holds (directly, through groups or through {@code "*"}), sorted
 * @param grantingRoles the roles that would grant the permission there (whether or not the principal holds
 *                      them), sorted; the hint of a denial names them
 * @param reason        one sentence for a person, naming the permission, environment and principal
 */
public record Decision(boolean allowed, String principal, Permission permission, String environment,
                       List<String> roles, List<String> grantingRoles, String reason) {

    public Decision {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(environment, "environment");
        roles = List.copyOf(roles);
        grantingRoles = List.copyOf(grantingRoles);
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code on environment 'production'} or {@code on any environment}. */
    static String where(String environment) {
        return environment.equals(AccessPolicy.ANY_ENVIRONMENT) ? "on any environment"
                : "on environment '" + environment + "'";
    }

    /** What to do about a denial: which roles grant the permission, or that none does. */
    public String hint() {
        if (allowed) {
            return "";
        }
        String place = environment.equals(AccessPolicy.ANY_ENVIRONMENT) ? "any environment" : environment;
        if (grantingRoles.isEmpty()) {
            return "no role grants " + permission.label() + " on " + place + "; add " + permission.label()
                    + " to a role's permissions under access.roles in config-cicd.yaml";
        }
        return "role" + (grantingRoles.size() > 1 ? "s " : " ") + String.join(", ", grantingRoles)
                + (grantingRoles.size() > 1 ? " grant " : " grants ") + permission.label() + " on " + place
                + "; bind " + (grantingRoles.size() > 1 ? "one of them" : "it") + " to '" + principal
                + "' under access.bindings in config-cicd.yaml";
    }
}
