package io.configcicd.core.security.access;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.repo.Settings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what where, from {@code access:} in {@code config-cicd.yaml}:
 *
 * <pre>
 * access:
 *   roles:                   # name -> permissions on the environments matching the patterns
 *     developer: {permissions: [read, write], environments: [development, "staging*"]}
 *     operator:  {permissions: [read, write, deploy, rollback]}      # environments default to ["*"]
 *     auditor:   {permissions: [read, reveal], environments: [production]}
 *   groups:                  # name -> principals
 *     platform: [alice, bob]
 *   bindings:                # principal, "group:NAME" or "*" (everyone) -> roles
 *     alice: [operator]
 *     "group:platform": [developer]
 *     "*": [auditor]
 *   policy_from: origin/main # optional: the ref whose committed access: and audit: are in force
 * </pre>
 *
 * <ul>
 *   <li>No {@code access:} section: everything is allowed ({@link #allowAll()}), as before access control
 *       existed. A section that is present, even empty ({@code access: {}} or {@code access:} alone), is
 *       enforced: everything it does not grant is denied.</li>
 *   <li>Permissions: {@code read, write, deploy, rollback, reveal, admin} ({@link Permission}); a single word may
 *       stand for a list of one, here and for environments, group members and bound roles.</li>
 *   <li>Environment patterns are globs: {@code *} any run of characters, {@code ?} one character; names are
 *       case-sensitive, and so are principals (compared exactly with {@code Principal.name()}).</li>
 *   <li>A principal holds the roles bound to its name, to {@code "*"}, and to {@code "group:G"} for every
 *       group G that lists it; roles add up, there is no deny rule.</li>
 *   <li>Operations that concern no single environment ({@code audit verify}, {@code encrypt}) check
 *       environment {@link #ANY_ENVIRONMENT}: allowed when some held role grants the permission on some
 *       environment pattern.</li>
 *   <li>Unknown fields, unknown permissions, and bindings to undeclared roles or groups are bad input at
 *       their file:line.</li>
 * </ul>
 */
public final class AccessPolicy {

    /** The environment to check for operations that concern no single environment: "on some environment". */
    public static final String ANY_ENVIRONMENT = "*";

    /** The binding key that applies to every principal. */
    public static final String EVERYONE = "*";

    private static final AccessPolicy ALLOW_ALL = new AccessPolicy(false, Map.of(), Map.of(), Map.of(), Optional.empty());

    private final boolean enforced;
    private final Map<String, Role> roles;
    private final Map<String, Set<String>> groups;
    private final Map<String, List<String>> bindings;
    private final Optional<String> policyFrom;

    private AccessPolicy(boolean enforced, Map<String, Role> roles, Map<String, Set<String>> groups,
                         Map<String, List<String>> bindings, Optional<String> policyFrom) {
        this.enforced = enforced;
        this.roles = Map.copyOf(roles);
        this.groups = Map.copyOf(groups);
        this.bindings = Map.copyOf(bindings);
        this.policyFrom = policyFrom;
    }

    /** The policy without an {@code access:} section: everything allowed. */
    public static AccessPolicy allowAll() {
        return ALLOW_ALL;
    }

    /** The policy of a settings file. */
    public static AccessPolicy from(Settings settings) {
        return from(settings.raw());
    }

    /**
     * The policy of a settings document (the parsed {@code config-cicd.yaml}).
     *
     * @throws ConfigCicdException bad input at the file:line of the first malformed entry
     */
    public static AccessPolicy from(ConfigMap settings) {
        if (!settings.containsKey("access")) {
            return ALLOW_ALL;
        }
        ConfigNode node = settings.getOrNull("access");
        AccessSection.Parsed p = AccessSection.parse(node);
        return new AccessPolicy(true, p.roles(), p.groups(), p.bindings(), p.policyFrom());
    }

    /**
     * {@code access.policy_from}: the git ref (such as {@code origin/main}) whose committed {@code config-cicd.yaml}
     * holds the {@code access:} and {@code audit:} sections in force; the front door reads them there
     * ({@code docs/security.md}, "Where the policy comes from"). It grants nothing itself: a section with nothing
     * else is an enforced, empty policy.
     */
    public Optional<String> policyFrom() {
        return policyFrom;
    }

    /** Whether an {@code access:} section is in force; false means everything is allowed. */
    public boolean isEnforced() {
        return enforced;
    }

    /** The declared roles by name. */
    public Map<String, Role> roles() {
        return roles;
    }

    /**
     * The roles a principal holds: bound to its name, to {@code "*"} and to its groups; sorted. A principal whose
     * name starts with {@code group:} holds no roles of its own: that binding key names a group, not a user.
     */
    public List<String> rolesOf(String principal) {
        Set<String> out = new TreeSet<>(principal.startsWith(AccessSection.GROUP_PREFIX) ? List.of()
                : bindings.getOrDefault(principal, List.of()));
        out.addAll(bindings.getOrDefault(EVERYONE, List.of()));
        groups.forEach((group, members) -> {
            if (members.contains(principal)) {
                out.addAll(bindings.getOrDefault(AccessSection.GROUP_PREFIX + group, List.of()));
            }
        });
        return List.copyOf(out);
    }

    /** Whether a principal may use a permission on an environment ({@link #ANY_ENVIRONMENT} for some). */
    public Decision check(String principal, Permission permission, String environment) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(environment, "environment");
        List<String> granting = roles.values().stream().filter(r -> r.grants(permission, environment))
                .map(Role::name).sorted().toList();
        if (!enforced) {
            return new Decision(true, principal, permission, environment, List.of(), granting,
                    "no access section in " + Settings.FILE_NAME + ": everything is allowed");
        }
        List<String> held = rolesOf(principal);
        List<String> through = held.stream().filter(granting::contains).toList();
        String rolesText = held.isEmpty() ? "no roles" : "roles: " + String.join(", ", held);
        String reason = through.isEmpty()
                ? "access denied: '" + principal + "' lacks the " + permission.label() + " permission "
                + Decision.where(environment) + " (" + rolesText + ")"
                : "'" + principal + "' may " + permission.label() + " " + Decision.where(environment) + " through role" + (through.size() > 1 ? "s " : " ")
                + String.join(", ", through);
        return new Decision(!through.isEmpty(), principal, permission, environment, held, granting, reason);
    }

    /**
     * Like {@link #check}, but a denial is thrown.
     *
     * @return the allowing decision
     * @throws AccessDeniedException exit code 4, naming the permission and the roles that grant it
     */
    public Decision require(String principal, Permission permission, String environment) {
        Decision d = check(principal, permission, environment);
        if (!d.allowed()) {
            throw new AccessDeniedException(d);
        }
        return d;
    }
}
