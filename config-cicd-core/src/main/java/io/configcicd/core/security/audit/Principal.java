package io.configcicd.core.security.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who runs a command, as the audit log and the access policy name them. Resolved from the environment:
 *
 * <ol>
 *   <li>the CI system's identity, when one is set: {@code GITHUB_ACTOR} (GitHub Actions), {@code GITLAB_USER_LOGIN}
 *       (GitLab CI), {@code BUILD_USER_ID} (Jenkins, build-user-vars plugin). The variable of the CI system that is
 *       running ({@code GITHUB_ACTIONS=true}, {@code GITLAB_CI}, {@code JENKINS_URL}) is taken first, then the others
 *       in that order; a CI identity set without its system's marker still wins, so that setting one more variable
 *       never lends anyone a name;</li>
 *   <li>else {@code CONFIG_CICD_USER}: for a laptop, or a service account in a CI system that names no user;</li>
 *   <li>else the operating-system user; {@value #UNKNOWN} when even that is blank.</li>
 * </ol>
 *
 * When a CI identity decides, {@code CONFIG_CICD_USER} is ignored and kept as {@link #requested()} for the audit
 * log, and the CI identity is also {@link #ciActor()}.
 *
 * <p>The environment is a claim, not an authentication: anyone who can set these variables can name themselves.
 * What makes the CI identity worth more is that the CI system sets it for the person who triggered the run;
 * access control built on it keeps honest people honest in a pipeline whose variables the CI system sets, and
 * does not stop someone with a shell on the runner (docs/security.md, "Trust boundaries").
 *
 * @param name      the principal's name, trimmed, never blank
 * @param source    where the name came from: the variable's name, {@value #OS_USER} or {@value #UNKNOWN}
 * @param ciActor   the CI system's identity, when a CI variable named one
 * @param requested the name {@code CONFIG_CICD_USER} asked for, when a CI identity overrode it
 */
public record Principal(String name, String source, Optional<String> ciActor, Optional<String> requested) {

    /** The variable that names the principal where no CI system does. */
    public static final String USER_VARIABLE = "CONFIG_CICD_USER";

    /** The CI identity variables, each with the variable that says its CI system is the one running. */
    private static final List<Map.Entry<String, String>> CI_IDENTITIES = List.of(
            Map.entry("GITHUB_ACTOR", "GITHUB_ACTIONS"),
            Map.entry("GITLAB_USER_LOGIN", "GITLAB_CI"),
            Map.entry("BUILD_USER_ID", "JENKINS_URL"));

    /** The variables read: the CI identities in order, then {@value #USER_VARIABLE}. */
    public static final List<String> VARIABLES =
            List.of("GITHUB_ACTOR", "GITLAB_USER_LOGIN", "BUILD_USER_ID", USER_VARIABLE);

    /** The source of a name taken from the operating system. */
    public static final String OS_USER = "os-user";

    /** The name (and source) when nothing names the user. */
    public static final String UNKNOWN = "unknown";

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ciActor, "ciActor");
        Objects.requireNonNull(requested, "requested");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a principal's name is not blank");
        }
    }

    /** A principal that no CI system named. */
    public Principal(String name, String source) {
        this(name, source, Optional.empty(), Optional.empty());
    }

    /**
     * The principal named by an environment.
     *
     * @param env    the process environment (injected so tests need not change the real one)
     * @param osUser the operating-system user, for example {@code System.getProperty("user.name")}; may be
     *               null or blank
     */
    public static Principal resolve(Map<String, String> env, String osUser) {
        Optional<String> user = value(env, USER_VARIABLE);
        Optional<Map.Entry<String, String>> ci = ciIdentity(env);
        if (ci.isPresent()) {
            String actor = ci.get().getValue();
            return new Principal(actor, ci.get().getKey(), Optional.of(actor), user.filter(u -> !u.equals(actor)));
        }
        if (user.isPresent()) {
            return new Principal(user.get(), USER_VARIABLE);
        }
        if (osUser != null && !osUser.isBlank()) {
            return new Principal(osUser.trim(), OS_USER);
        }
        return new Principal(UNKNOWN, UNKNOWN);
    }

    /** The CI identity variable and its value: the running system's first, then any other in order. */
    private static Optional<Map.Entry<String, String>> ciIdentity(Map<String, String> env) {
        for (Map.Entry<String, String> ci : CI_IDENTITIES) {
            Optional<String> actor = value(env, ci.getKey());
            if (actor.isPresent() && value(env, ci.getValue()).filter(v -> !v.equalsIgnoreCase("false")).isPresent()) {
                return Optional.of(Map.entry(ci.getKey(), actor.get()));
            }
        }
        for (Map.Entry<String, String> ci : CI_IDENTITIES) {
            Optional<String> actor = value(env, ci.getKey());
            if (actor.isPresent()) {
                return Optional.of(Map.entry(ci.getKey(), actor.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> value(Map<String, String> env, String variable) {
        String v = env.get(variable);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The principal of this process: its environment and {@code user.name}. */
    public static Principal current() {
        return resolve(System.getenv(), System.getProperty("user.name"));
    }

    @Override
    public String toString() {
        return name;
    }
}
