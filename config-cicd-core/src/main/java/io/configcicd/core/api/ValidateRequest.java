package io.configcicd.core.api;

import io.configcicd.core.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front end asks {@link ValidationService#validate} for: the configuration directory, the environments
 * (empty: every environment), optionally a git revision whose tree is validated instead of the working tree,
 * whether to apply the fixes rules offer, and the severity at which the run fails (default
 * {@link Severity#ERROR}; the settings' {@code validation.fail_on} when the request leaves it out).
 */
public record ValidateRequest(Path configDir, List<String> environments, Optional<String> revision, boolean fix,
                              Optional<Severity> failOn) {

    public ValidateRequest {
        Objects.requireNonNull(configDir, "configDir");
        environments = List.copyOf(environments);
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(failOn, "failOn");
    }

    /** Every environment of the directory's working tree, no fixes, the configured threshold. */
    public static ValidateRequest of(Path configDir) {
        return new ValidateRequest(configDir, List.of(), Optional.empty(), false, Optional.empty());
    }

    public ValidateRequest withEnvironments(List<String> names) {
        return new ValidateRequest(configDir, names, revision, fix, failOn);
    }

    /** Validates the tree of a commit, tag or branch (anything {@code git rev-parse} understands). */
    public ValidateRequest withRevision(String rev) {
        return new ValidateRequest(configDir, environments, Optional.of(rev), fix, failOn);
    }

    public ValidateRequest withFix(boolean apply) {
        return new ValidateRequest(configDir, environments, revision, apply, failOn);
    }

    public ValidateRequest withFailOn(Severity severity) {
        return new ValidateRequest(configDir, environments, revision, fix, Optional.of(severity));
    }
}
