package io.configcicd.core.store;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;
import io.configcicd.core.security.OutputMasker;
import java.util.Objects;

/**
 * A deploy target's store failed or refused a change. {@link #reason()} says how, {@link #target()} names the
 * target of {@code config-cicd.yaml}'s {@code targets:}, and the hint says what to do.
 *
 * <p>Every reason maps to {@link ErrorKind#EXTERNAL} (exit 3), in {@link #kindOf(Reason)} and nowhere else:
 * <ul>
 *   <li>{@code UNAUTHORIZED} is not {@link ErrorKind#ACCESS_DENIED} (exit 4): that kind means the product's own
 *       access policy refused the principal, which a role grants; a store that rejects its credentials is an
 *       outside system failing, fixed in the store's credentials or ACLs, and a pipeline treats it like an
 *       unreachable store.</li>
 *   <li>{@code TOO_LARGE} and {@code NOT_FOUND} are not {@link ErrorKind#BAD_INPUT} (exit 2): the target's
 *       settings were accepted when they were parsed (bad settings are {@code BAD_INPUT} there); what is missing
 *       or too small lives in the store (an AppConfig application not created, a ConfigMap's 1 MiB), and the
 *       deploy engine reports every failed target the same way: exit 3, the targets already written restored.</li>
 *   <li>{@code CONFLICT} is exit 3 for the same reason: the deploy was correct when planned and another writer
 *       moved the target on; re-running the pipeline plans again.</li>
 * </ul>
 *
 * <p>The problem and the hint are masked for URL passwords ({@code redis://user:pw@host} shows as
 * {@code redis://user:******@host}); a store never puts a configuration value in a message.
 */
public final class StoreException extends ConfigCicdException {

    private static final long serialVersionUID = 1L;

    /** Why a store operation failed. */
    public enum Reason {
        /** The target changed since the caller read it (check-and-set failed); nothing was written. */
        CONFLICT,
        /** The store cannot be reached or answered with an error; whether something was written is in the message. */
        UNAVAILABLE,
        /** The store rejected the credentials or lacks a permission for this operation. */
        UNAUTHORIZED,
        /** The content is larger than the target's {@code max_bytes} or the store's own limit; nothing was written. */
        TOO_LARGE,
        /** Something the target names does not exist in the store (a namespace, an application, a profile). */
        NOT_FOUND
    }

    private final Reason reason;
    private final String target;

    public StoreException(Reason reason, String target, String problem, String hint, Throwable cause) {
        super(kindOf(reason), Origin.UNKNOWN, masked("target " + target + ": " + problem), masked(hint), cause);
        this.reason = reason;
        this.target = Objects.requireNonNull(target, "target");
    }

    public StoreException(Reason reason, String target, String problem, String hint) {
        this(reason, target, problem, hint, null);
    }

    /** The one mapping of a reason to the kind front ends turn into an exit code (see the class comment). */
    public static ErrorKind kindOf(Reason reason) {
        return switch (Objects.requireNonNull(reason, "reason")) {
            case CONFLICT, UNAVAILABLE, UNAUTHORIZED, TOO_LARGE, NOT_FOUND -> ErrorKind.EXTERNAL;
        };
    }

    /** The usual failure of a check-and-set: the target moved on since the caller read it. */
    public static StoreException conflict(String target, String what) {
        return new StoreException(Reason.CONFLICT, target, "target changed since plan: " + what,
                "another deploy or a hand edit changed it; run the deploy again to plan against what it holds now");
    }

    private static String masked(String text) {
        return text == null ? "" : OutputMasker.urlPasswordsOnly().mask(text);
    }

    public Reason reason() {
        return reason;
    }

    /** The name of the target in {@code targets:}. */
    public String target() {
        return target;
    }
}
