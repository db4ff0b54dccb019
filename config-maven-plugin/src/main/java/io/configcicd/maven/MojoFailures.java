package io.configcicd.maven;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one mapping of the core's failures to Maven's: findings, bad input and denied access are the project's fault
 * (a failed build, {@link MojoFailureException}), an external failure is an execution error
 * ({@link MojoExecutionException}). The core's message already names file:line, the problem and the hint; the core
 * exception itself is not attached (except for external failures), so Maven prints no chain of stack traces.
 */
final class MojoFailures {

    private MojoFailures() {
    }

    /** {@link #rethrow(ConfigCicdException, UnaryOperator, Function)} unmasked, files named as the core gives them. */
    static void rethrow(ConfigCicdException e) throws MojoExecutionException, MojoFailureException {
        rethrow(e, UnaryOperator.identity(), Origin::toString);
    }

    /**
     * @param mask   masks the message (the secrets of the configuration directory, once a goal opened it)
     * @param naming names the failure's file:line (relative to the repository root, once a goal opened its directory)
     */
    static void rethrow(ConfigCicdException e, UnaryOperator<String> mask, Function<Origin, String> naming)
            throws MojoExecutionException, MojoFailureException {
        String message = mask.apply((e.origin().isKnown() ? naming.apply(e.origin()) + ": " : "") + e.problem()
                + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"));
        fail(e.kind(), message, e.getCause());
    }

    /**
     * The failure of an outcome that says what went wrong without an exception (a refused deploy, drift, a store
     * that failed): the same mapping of {@code kind}, with {@code message} already masked.
     */
    static void fail(ErrorKind kind, String message, Throwable cause)
            throws MojoExecutionException, MojoFailureException {
        switch (kind) {
            case FINDINGS, BAD_INPUT, ACCESS_DENIED -> throw new MojoFailureException(message);
            case EXTERNAL -> throw new MojoExecutionException(message, cause);
            default -> throw new MojoExecutionException(message);
        }
    }

    /** A failure naming the parameter and its user property, for a value the core cannot use. */
    static MojoFailureException parameterError(String parameter, String property, IllegalArgumentException e) {
        return new MojoFailureException("invalid <" + parameter + "> (" + property + "): " + e.getMessage());
    }
}
