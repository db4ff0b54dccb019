package io.configcicd.core.report;

import io.configcicd.core.impact.Assessment;

import io.configcicd.core.model.RiskLevel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The result of {@code api.AssessmentService#assess}: one assessment per environment, with what every output of the
 * run carries (tool version, where the configuration directory sits in the repository, the deployment id) and
 * the threshold. Values at secret paths are masks; the writers of {@code io.configcicd.core.report} render it.
 *
 * @param version      the tool version written into reports
 * @param pathPrefix   the configuration directory relative to the repository root, for example
 *                     {@code "configuration/"} (origins are relative to the configuration directory)
 * @param deploymentId the deployment this assessment is for, when one was given
 * @param assessments  one per environment, in the order asked
 * @param failOn       the level at which the run fails (exit 1, a failed build)
 */
public record AssessOutcome(String version, String pathPrefix, Optional<String> deploymentId,
                            List<Assessment> assessments, Optional<RiskLevel> failOn) {

    public AssessOutcome {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(deploymentId, "deploymentId");
        assessments = List.copyOf(assessments);
        Objects.requireNonNull(failOn, "failOn");
    }

    /** The highest risk of every environment; LOW when nothing changed anywhere. */
    public RiskLevel riskLevel() {
        return assessments.stream().map(Assessment::riskLevel).reduce(RiskLevel.LOW, RiskLevel::max);
    }

    /** Every changed key of every environment, sorted, each once. */
    public List<String> changedKeys() {
        TreeSet<String> keys = new TreeSet<>();
        assessments.forEach(a -> a.changes().forEach(c -> keys.add(c.path().toString())));
        return List.copyOf(keys);
    }

    /** True when the risk is at or above {@link #failOn()}. */
    public boolean failed() {
        return failOn.map(riskLevel()::atLeast).orElse(false);
    }
}
