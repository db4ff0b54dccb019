package io.configcicd.core.report;

import io.configcicd.core.impact.AssessedChange;
import io.configcicd.core.impact.Assessment;
import io.configcicd.core.model.RiskLevel;
import io.configcicd.core.model.Origin;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An assessment for a build log (what {@code config:assess} prints): the core's text rendering of the assessment,
 * line by line, then a one-line summary; and the message of the build failure, which names the level, the threshold
 * and the riskiest change by its key path and file:line. Values are printed only as the core renders them (secrets
 * already masked), and the caller's log masks once more.
 */
public final class AssessmentLines {

    private AssessmentLines() {
    }

    /** The text rendering of the assessment at info level, one log line per line, blank lines left out. */
    public static List<LogLine> lines(AssessOutcome outcome) {
        String text = AssessmentReports.render(outcome, ReportFormat.TEXT, false);
        return text.lines().filter(line -> !line.isBlank()).map(LogLine::info).toList();
    }

    /**
     * {@code config-cicd assess: risk HIGH, 2 environments (development, production), 3 changed keys; fails on
     * critical and above}; without a threshold the tail says the build is not gated.
     */
    public static String summary(AssessOutcome outcome) {
        List<String> envs = outcome.assessments().stream().map(Assessment::environment).toList();
        int keys = outcome.changedKeys().size();
        StringBuilder sb = new StringBuilder("config-cicd assess: risk ").append(outcome.riskLevel()).append(", ")
                .append(envs.size()).append(envs.size() == 1 ? " environment" : " environments");
        if (!envs.isEmpty()) {
            sb.append(" (").append(String.join(", ", envs)).append(')');
        }
        sb.append(", ").append(keys).append(keys == 1 ? " changed key" : " changed keys");
        sb.append(outcome.failOn()
                .map(level -> "; fails on " + level.word() + " and above")
                .orElse("; no failOn threshold, the build does not fail on risk"));
        return sb.toString();
    }

    /**
     * {@code configuration change risk CRITICAL is at or above failOn critical: production: modified
     * security.mfa_required at configuration/environments/production.yaml:3 (matches security.**)}.
     */
    public static String failure(AssessOutcome outcome) {
        RiskLevel level = outcome.riskLevel();
        String threshold = outcome.failOn().map(RiskLevel::word).orElse("none");
        return "configuration change risk " + level + " is at or above failOn " + threshold + ": "
                + riskiest(outcome);
    }

    /** The change with the highest risk, first in environment and path order; else the riskiest assessment's reasons. */
    public static String riskiest(AssessOutcome outcome) {
        RiskLevel level = outcome.riskLevel();
        for (Assessment a : outcome.assessments()) {
            Optional<AssessedChange> change = a.changes().stream().filter(c -> c.risk() == level).findFirst();
            if (change.isPresent()) {
                return a.environment() + ": " + describe(outcome, change.get());
            }
        }
        return outcome.assessments().stream()
                .max(Comparator.comparing(Assessment::riskLevel))
                .map(a -> a.environment() + ": " + String.join("; ", a.reasons()))
                .orElse("no environment assessed");
    }

    /** {@code modified security.mfa_required at configuration/global/base.yaml:3 (reason; reason)}: no values. */
    private static String describe(AssessOutcome outcome, AssessedChange change) {
        StringBuilder sb = new StringBuilder(change.type().word()).append(' ').append(change.path());
        change.origin().filter(Origin::isKnown).ifPresent(o -> {
            Report names = Report.of(outcome.version(), "assess", outcome.pathPrefix(), List.of(), List.of());
            sb.append(" at ").append(names.repositoryPath(o)).append(o.line() > 0 ? ":" + o.line() : "");
        });
        if (!change.reasons().isEmpty()) {
            sb.append(" (").append(String.join("; ", change.reasons())).append(')');
        }
        return sb.toString();
    }
}
