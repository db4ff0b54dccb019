package io.configcicd.action;

import io.configcicd.core.api.PolicySource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The policy ref of a run: the ref whose committed {@code config-cicd.yaml} holds the {@code access:} and
 * {@code audit:} sections in force ({@code docs/security.md}, "Where the policy comes from"), as GitHub reads
 * CODEOWNERS from the base branch. First found:
 *
 * <ol>
 *   <li>the {@code policy_ref} input, or {@code CONFIG_CICD_POLICY_REF} set by the workflow: used as given, and a ref
 *       that is not in the clone fails the step (exit 2);</li>
 *   <li>by default {@code origin/<default branch>}, the default branch from the event payload
 *       ({@code repository.default_branch}), when that ref is in the clone (actions/checkout with
 *       {@code fetch-depth: 0}); otherwise the step warns that the work tree's policy is used.</li>
 * </ol>
 *
 * @param ref     the ref in force, if any
 * @param warning a warning for the log when the default ref could not be used
 */
record ActionPolicyRef(Optional<String> ref, Optional<String> warning) {

    static final String INPUT = "policy_ref";

    ActionPolicyRef {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(warning, "warning");
    }

    /** The policy ref of a run in {@code configDir}, from the inputs, the environment and the event payload. */
    static ActionPolicyRef of(Map<String, String> env, RunnerContext runner, Path configDir) {
        Optional<String> given = RunnerContext.value(env, ActionInputs.variable(INPUT))
                .or(() -> RunnerContext.value(env, PolicySource.VARIABLE));
        if (given.isPresent()) {
            return new ActionPolicyRef(given, Optional.empty());
        }
        Optional<String> branch = runner.eventPath().map(EventBase::read).map(e -> e.at("/repository/default_branch"))
                .filter(JsonNode::isString).map(JsonNode::asString).filter(b -> !b.isBlank());
        if (branch.isEmpty()) {
            return new ActionPolicyRef(Optional.empty(), Optional.empty());
        }
        String ref = "origin/" + branch.get().trim();
        if (PolicySource.refExists(configDir, ref)) {
            return new ActionPolicyRef(Optional.of(ref), Optional.empty());
        }
        return new ActionPolicyRef(Optional.empty(), Optional.of("the policy ref " + ref + " (the default branch) is"
                + " not in this clone, so access: and audit: are read from the checked-out config-cicd.yaml, which this"
                + " change may have edited: check out with actions/checkout and fetch-depth: 0, or set the policy_ref"
                + " input"));
    }

    /** The process environment the services see: {@code env} with {@code CONFIG_CICD_POLICY_REF} set to the ref. */
    Map<String, String> environment(Map<String, String> env) {
        if (ref.isEmpty()) {
            return env;
        }
        Map<String, String> out = new HashMap<>(env);
        out.put(PolicySource.VARIABLE, ref.get());
        return Map.copyOf(out);
    }
}
