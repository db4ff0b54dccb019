package io.configcicd.core.report;

import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.impact.AssessedChange;
import io.configcicd.core.impact.Assessment;
import io.configcicd.core.impact.CodeReference;
import io.configcicd.core.model.RiskLevel;
import io.configcicd.core.validate.Finding;

/**
 * An assessment for a terminal or a CI log: per environment the overall risk and its reasons, one line per change
 * (risk, +/-/~, key, values, origin) with its reasons below it, the findings the change introduces, the
 * pre-existing ones, the code that reads changed keys, and the tests to run. The level is coloured on a terminal.
 */
final class AssessmentText {

    private static final String RESET = "\u001b[0m";

    private AssessmentText() {
    }

    static String render(AssessOutcome outcome, boolean colour) {
        StringBuilder sb = new StringBuilder();
        for (Assessment a : outcome.assessments()) {
            environment(sb, outcome, a, colour);
        }
        if (outcome.assessments().size() > 1) {
            sb.append("overall risk: ").append(level(outcome.riskLevel(), colour)).append('\n');
        }
        outcome.deploymentId().ifPresent(id -> sb.append("deployment: ").append(id).append('\n'));
        return sb.toString();
    }

    private static void environment(StringBuilder sb, AssessOutcome outcome, Assessment a, boolean colour) {
        sb.append("risk ").append(level(a.riskLevel(), colour)).append(" for ").append(a.environment()).append(" (")
                .append(AssessmentReports.shortId(a.base())).append(" -> ").append(AssessmentReports.shortId(a.head()))
                .append(")\n");
        a.reasons().forEach(r -> sb.append("  ").append(r).append('\n'));
        for (AssessedChange c : a.changes()) {
            sb.append(String.format("  %-8s %s %s: %s", c.risk(), c.type().sign(), c.path(),
                    AssessmentReports.values(c)));
            String where = AssessmentReports.location(outcome, c.origin());
            if (!where.isEmpty()) {
                sb.append("  (").append(where).append(')');
            }
            sb.append('\n');
            c.reasons().forEach(r -> sb.append("             ").append(r).append('\n'));
            for (CodeReference ref : c.consumers()) {
                sb.append("             read by ").append(ref).append(": ").append(ref.text()).append('\n');
            }
        }
        for (Finding f : a.introducedFindings()) {
            sb.append("  introduced: ").append(f.severity().word()).append(" [").append(f.ruleId()).append("] ")
                    .append(AssessmentReports.location(outcome, java.util.Optional.of(f.origin()))).append(' ')
                    .append(f.message()).append('\n');
        }
        for (Finding f : a.preExistingFindings()) {
            sb.append("  pre-existing: ").append(f.severity().word()).append(" [").append(f.ruleId()).append("] ")
                    .append(f.message()).append('\n');
        }
        if (!a.recommendedTests().isEmpty()) {
            sb.append("  recommended tests: ").append(String.join(", ", a.recommendedTests())).append('\n');
        }
    }

    private static String level(RiskLevel level, boolean colour) {
        if (!colour) {
            return level.name();
        }
        String code = switch (level) {
            case LOW -> "\u001b[32m";
            case MEDIUM -> "\u001b[33m";
            case HIGH -> "\u001b[31m";
            case CRITICAL -> "\u001b[1;31m";
        };
        return code + level.name() + RESET;
    }
}
