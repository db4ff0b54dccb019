package io.configcicd.core.security.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who runs a command, as the audit log and the access policy name them. Resolved from the environment,
 * first non-blank value wins: {@code CONFIG_CICD_USER} (set it explicitly), {@code GITHUB_ACTOR} (GitHub
 * Actions), {@code GITLAB_USER_LOGIN} (GitLab CI), {@code BUILD_USER_ID} (Jenkins build-user-vars plugin),
 * then the operating-system user; {@value #UNKNOWN} when even that is blank.
 *
 * <p>The environment is a claim, not an authentication: anyone who can set {@code CONFIG_CICD_USER} can
 * name themselves. Access control built on it keeps honest people honest in a pipeline whose variables
 * are set by the CI system; it does not stop someone with a shell on the runner.
 *
 * @param name   the principal's name, trimmed, never blank
 * @param source where the name came from: the variable's name, {@value #OS_USER} or {@value #UNKNOWN}
 */
public record Principal(String name, String source) {

    /** The variables read, in order of precedence. */
    public static final List<String> VARIABLES =
            List.of("CONFIG_CICD_USER", "GITHUB_ACTOR", "GITLAB_USER_LOGIN", "BUILD_USER_ID");

    /** The source of a name taken from the operating system. */
    public static final String OS_USER = "os-user";

    /** The name (and source) when nothing names the user. */
    public static final String UNKNOWN = "unknown";

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a principal's name is not blank");
        }
    }

    /**
     * The principal named by an environment.
     *
     * @param env    the process environment (injected so tests need not change the real one)
     * @param osUser the operating-system user, for example {@code System.getProperty("user.name")}; may be
     *               null or blank
     */
    public static Principal resolve(Map<String, String> env, String osUser) {
        for (String variable : VARIABLES) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return new Principal(value.trim(), variable);
            }
        }
        if (osUser != null && !osUser.isBlank()) {
            return new Principal(osUser.trim(), OS_USER);
        }
        return new Principal(UNKNOWN, UNKNOWN);
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
