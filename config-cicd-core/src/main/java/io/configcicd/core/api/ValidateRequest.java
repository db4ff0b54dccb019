package io.configcicd.core.api;

import io.configcicd.core.model.Severity;
import io.configcicd.core.model.Threshold;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front end asks {@link ValidationService#validate} for: the configuration directory, the environments
 * (empty: every environment), optionally a git revision whose tree is validated instead of the working tree,
 * whether to apply the fixes rules offer, whether to back up each environment a fix writes first, and the severity
 * at which the run fails (default {@link Severity#ERROR}; the settings' {@code validation.fail_on} when the request
 * leaves it out). Every front end builds it the same way from its parameters:
 *
 * <pre>
 * ValidateRequest.of(dir).withEnvironments(envs).withRevision(commit).withFix(fix).withFailOn(failOn)
 * </pre>
 *
 * @param backup whether a fix first takes a backup ({@code history.ConfigBackup}: a git tag in a git work tree, a
 *               copy elsewhere) of each environment it writes; the CLI and the plugin ask for one, the action and
 *               library callers by default take none
 */
public record ValidateRequest(Path configDir, List<String> environments, Optional<String> revision, boolean fix,
                              Optional<Severity> failOn, boolean backup) {

    public ValidateRequest {
        Objects.requireNonNull(configDir, "configDir");
        environments = List.copyOf(environments);
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(failOn, "failOn");
    }

    /** Every environment of the directory's working tree, no fixes, the configured threshold. */
    public static ValidateRequest of(Path configDir) {
        return new ValidateRequest(configDir, List.of(), Optional.empty(), false, Optional.empty(), false);
    }

    public ValidateRequest withEnvironments(List<String> names) {
        return new ValidateRequest(configDir, names, revision, fix, failOn, backup);
    }

    /** Validates the tree of a commit, tag or branch (anything {@code git rev-parse} understands). */
    public ValidateRequest withRevision(String rev) {
        return new ValidateRequest(configDir, environments, Optional.of(rev), fix, failOn, backup);
    }

    /** The revision when one is given; the working tree otherwise. */
    public ValidateRequest withRevision(Optional<String> rev) {
        return rev.map(this::withRevision).orElse(this);
    }

    public ValidateRequest withFix(boolean apply) {
        return new ValidateRequest(configDir, environments, revision, apply, failOn, backup);
    }

    /**
     * Whether a fix backs up each environment it writes first; a backup left unchanged by a fix that failed is
     * removed again.
     */
    public ValidateRequest withBackup(boolean take) {
        return new ValidateRequest(configDir, environments, revision, fix, failOn, take);
    }

    public ValidateRequest withFailOn(Severity severity) {
        return new ValidateRequest(configDir, environments, revision, fix, Optional.of(severity), backup);
    }

    /** The threshold's severity when one is given; the configured threshold otherwise. */
    public ValidateRequest withFailOn(Optional<Threshold> threshold) {
        return threshold.map(t -> withFailOn(t.severity())).orElse(this);
    }
}
