package io.configcicd.core;

import io.configcicd.core.model.Origin;
import java.util.Objects;

/**
 * The one exception type front ends catch. It carries the {@link ErrorKind} that decides the exit code,
 * where the problem is ({@link #origin()}, {@link Origin#UNKNOWN} when no file is involved), what is wrong
 * ({@link #problem()}) and what to do about it ({@link #hint()}, empty when there is nothing to add).
 */
public class ConfigCicdException extends RuntimeException {

    private final ErrorKind kind;
    private final Origin origin;
    private final String problem;
    private final String hint;

    public ConfigCicdException(ErrorKind kind, Origin origin, String problem, String hint, Throwable cause) {
        super(render(origin, problem, hint), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.hint = hint == null ? "" : hint;
    }

    public ConfigCicdException(ErrorKind kind, Origin origin, String problem, String hint) {
        this(kind, origin, problem, hint, null);
    }

    public static ConfigCicdException badInput(String problem, String hint) {
        return new ConfigCicdException(ErrorKind.BAD_INPUT, Origin.UNKNOWN, problem, hint);
    }

    public static ConfigCicdException badInput(Origin origin, String problem, String hint) {
        return new ConfigCicdException(ErrorKind.BAD_INPUT, origin, problem, hint);
    }

    public static ConfigCicdException external(String problem, String hint, Throwable cause) {
        return new ConfigCicdException(ErrorKind.EXTERNAL, Origin.UNKNOWN, problem, hint, cause);
    }

    private static String render(Origin origin, String problem, String hint) {
        StringBuilder sb = new StringBuilder();
        if (origin.isKnown()) {
            sb.append(origin).append(": ");
        }
        sb.append(problem);
        if (hint != null && !hint.isEmpty()) {
            sb.append(" (").append(hint).append(')');
        }
        return sb.toString();
    }

    public ErrorKind kind() {
        return kind;
    }

    public Origin origin() {
        return origin;
    }

    public String problem() {
        return problem;
    }

    public String hint() {
        return hint;
    }
}
