package io.configcicd.core.impact;

import io.configcicd.core.model.RiskLevel;

import io.configcicd.core.validate.Finding;
import java.util.List;
import java.util.Objects;

/**
 * The impact of the change from a base commit to a head commit on one environment.
 *
 * @param environment          the environment assessed
 * @param base                 the full id of the base commit
 * @param head                 the full id of the head commit
 * @param riskLevel            the highest risk of a change or of an introduced finding; LOW when nothing changed
 * @param reasons              why the overall level is what it is (for example {@code no effective changes})
 * @param changes              the effective changes, sorted by path
 * @param introducedFindings   findings at head that were not at base
 * @param preExistingFindings  findings at head that were already at base; they do not raise the risk
 * @param recommendedTests     test suites to run, sorted and unique; empty when nothing changed
 */
public record Assessment(String environment, String base, String head, RiskLevel riskLevel, List<String> reasons,
                         List<AssessedChange> changes, List<Finding> introducedFindings,
                         List<Finding> preExistingFindings, List<String> recommendedTests) {

    public Assessment {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(riskLevel, "riskLevel");
        reasons = List.copyOf(reasons);
        changes = List.copyOf(changes);
        introducedFindings = List.copyOf(introducedFindings);
        preExistingFindings = List.copyOf(preExistingFindings);
        recommendedTests = List.copyOf(recommendedTests);
    }

    /** Whether no effective configuration value changed. */
    public boolean hasNoChanges() {
        return changes.isEmpty();
    }
}
