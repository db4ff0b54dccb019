package io.configcicd.core.deploy;

import io.configcicd.core.ErrorKind;
import java.util.Objects;

/**
 * A rule that stops a deploy: a guardrail ({@code max_change_ratio}, {@code protected_keys}, {@code protected
 * environment}: {@code --force} overrides it) or validation ({@code validation.fail_on}: nothing overrides it).
 *
 * A target's store can refuse too, at plan time ({@link #STORE}: a name the store rejects, content above its size
 * limit); nothing overrides that either.
 *
 * @param target the target the rule is about; empty for the whole deploy
 * @param kind   what a front end makes of it: {@link ErrorKind#FINDINGS} for a rule (exit 1); a store's refusal keeps
 *               the kind of its error ({@link ErrorKind#BAD_INPUT} for a name, {@link ErrorKind#EXTERNAL} for a size)
 */
public record Refusal(String rule, String target, String message, boolean forceable, ErrorKind kind) {

    public static final String MAX_CHANGE_RATIO = "deploy.max_change_ratio";
    public static final String PROTECTED_KEYS = "deploy.protected_keys";
    public static final String PROTECTED_ENVIRONMENT = "protected environment from a dirty work tree";
    public static final String VALIDATION = "validation.fail_on";
    public static final String MOVED_ON = "target moved on since the deployment";
    public static final String WITHHELD = "previous content not in the journal";
    public static final String STORE = "the target's store at plan time";

    /** A rule's refusal: a finding (exit 1). */
    public Refusal(String rule, String target, String message, boolean forceable) {
        this(rule, target, message, forceable, ErrorKind.FINDINGS);
    }

    public Refusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }
}
