package io.configcicd.core.api;

import io.configcicd.core.model.RiskLevel;
import io.configcicd.core.model.Threshold;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front end asks {@link AssessmentService#assess} for: the configuration directory (in a git work tree),
 * the environments (empty: every environment at head), the head revision (default {@code HEAD}), the base
 * (default: the first parent of the head), a deployment id carried into the outputs, and the level at which the
 * run fails. Every front end builds it the same way from its parameters (plain strings; {@code Optional} for the
 * ones not given, a {@link Threshold} it parsed):
 *
 * <pre>
 * AssessRequest.of(dir).withEnvironments(envs).withHead(head).withBase(base).withDeploymentId(id).withFailOn(failOn)
 * </pre>
 */
public record AssessRequest(Path configDir, List<String> environments, String head, Optional<String> base,
                            Optional<String> deploymentId, Optional<RiskLevel> failOn) {

    public AssessRequest {
        Objects.requireNonNull(configDir, "configDir");
        environments = List.copyOf(environments);
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(failOn, "failOn");
    }

    /** Every environment, HEAD against its first parent, no threshold. */
    public static AssessRequest of(Path configDir) {
        return new AssessRequest(configDir, List.of(), "HEAD", Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AssessRequest withEnvironments(List<String> names) {
        return new AssessRequest(configDir, names, head, base, deploymentId, failOn);
    }

    /** The head revision: a commit id, tag, branch or expression such as {@code HEAD~1}. */
    public AssessRequest withHead(String revision) {
        return new AssessRequest(configDir, environments, revision, base, deploymentId, failOn);
    }

    public AssessRequest withBase(String revision) {
        return new AssessRequest(configDir, environments, head, Optional.of(revision), deploymentId, failOn);
    }

    public AssessRequest withDeploymentId(String id) {
        return new AssessRequest(configDir, environments, head, base, Optional.of(id), failOn);
    }

    public AssessRequest withFailOn(RiskLevel level) {
        return new AssessRequest(configDir, environments, head, base, deploymentId, Optional.of(level));
    }

    /** The base when one is given; unchanged otherwise. */
    public AssessRequest withBase(Optional<String> revision) {
        return revision.map(this::withBase).orElse(this);
    }

    /** The deployment id when one is given; unchanged otherwise. */
    public AssessRequest withDeploymentId(Optional<String> id) {
        return id.map(this::withDeploymentId).orElse(this);
    }

    /** The threshold's risk level when one is given; unchanged otherwise. */
    public AssessRequest withFailOn(Optional<Threshold> threshold) {
        return threshold.map(t -> withFailOn(t.riskLevel())).orElse(this);
    }

    /**
     * The base revision: as given, else the first parent of the head. Git's id of no commit (forty zeros, what CI
     * systems give as the commit before the push that created a branch) also means the first parent.
     */
    public String baseRevision() {
        return base.filter(b -> !b.matches("0{40}")).orElse(head + "^");
    }
}
