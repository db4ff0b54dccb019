package io.configcicd.core.deploy;

import java.util.Objects;

/**
 * A rule that stops a deploy: a guardrail ({@code max_change_ratio}, {@code protected_keys}, {@code protected
 * environment}: {@code --force} overrides it) or validation ({@code validation.fail_on}: nothing overrides it).
 *
 * @param target the target the rule is about; empty for the whole deploy
 */
public record Refusal(String rule, String target, String message, boolean forceable) {

    public static final String MAX_CHANGE_RATIO = "deploy.max_change_ratio";
    public static final String PROTECTED_KEYS = "deploy.protected_keys";
    public static final String PROTECTED_ENVIRONMENT = "protected environment from a dirty work tree";
    public static final String VALIDATION = "validation.fail_on";
    public static final String MOVED_ON = "target moved on since the deployment";
    public static final String WITHHELD = "previous content not in the journal";

    public Refusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
    }
}
