package io.configcicd.core.report;

import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.impact.AssessedChange;
import io.configcicd.core.impact.Assessment;
import io.configcicd.core.impact.CodeReference;
import io.configcicd.core.validate.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An assessment in GitHub-flavoured Markdown, for a pull-request comment or a job summary: the overall risk, a
 * table of environments when there are several, then per environment a table of changes (risk, change, key,
 * values, where, why) with the riskiest first, the findings the change introduces, the pre-existing ones, the code
 * that reads the changed keys and the tests to run.
 */
final class AssessmentMarkdown {

    private static final Comparator<AssessedChange> RISKIEST_FIRST =
            Comparator.comparing(AssessedChange::risk).reversed().thenComparing(AssessedChange::path);

    private AssessmentMarkdown() {
    }

    static String render(AssessOutcome outcome) {
        StringBuilder sb = new StringBuilder();
        sb.append("## config-cicd assess: risk **").append(outcome.riskLevel()).append("**\n\n");
        outcome.deploymentId().ifPresent(id -> sb.append("Deployment: ").append(Markdown.code(id)).append("\n\n"));
        if (outcome.assessments().size() > 1) {
            Markdown.header(sb, "Environment", "Risk", "Changes", "Base", "Head");
            for (Assessment a : outcome.assessments()) {
                Markdown.row(sb, List.of(Markdown.cell(a.environment()), "**" + a.riskLevel() + "**",
                        String.valueOf(a.changes().size()), Markdown.code(AssessmentReports.shortId(a.base())),
                        Markdown.code(AssessmentReports.shortId(a.head()))));
            }
            sb.append('\n');
        }
        for (Assessment a : outcome.assessments()) {
            environment(sb, outcome, a);
        }
        return sb.toString();
    }

    private static void environment(StringBuilder sb, AssessOutcome outcome, Assessment a) {
        sb.append("### ").append(Markdown.cell(a.environment())).append(": ").append(a.riskLevel()).append("\n\n");
        sb.append(Markdown.code(AssessmentReports.shortId(a.base()))).append(" → ")
                .append(Markdown.code(AssessmentReports.shortId(a.head()))).append(": ")
                .append(Markdown.cell(String.join("; ", a.reasons()))).append("\n\n");
        if (!a.changes().isEmpty()) {
            List<AssessedChange> ordered = new ArrayList<>(a.changes());
            ordered.sort(RISKIEST_FIRST);
            Markdown.header(sb, "Risk", "Change", "Key", "Value", "Where", "Why");
            for (AssessedChange c : ordered.subList(0, Math.min(ordered.size(), Markdown.MAX_ROWS))) {
                Markdown.row(sb, List.of("**" + c.risk() + "**", c.type().word(), Markdown.code(c.path().toString()),
                        value(c), Markdown.code(AssessmentReports.location(outcome, c.origin())),
                        Markdown.cell(String.join("; ", c.reasons()))));
            }
            Markdown.more(sb, ordered.size(), "the json report");
            sb.append('\n');
        }
        findings(sb, outcome, "Findings this change introduces", a.introducedFindings());
        findings(sb, outcome, "Pre-existing findings (they do not raise the risk)", a.preExistingFindings());
        consumers(sb, a);
        if (!a.recommendedTests().isEmpty()) {
            sb.append("**Recommended tests:** ").append(String.join(", ", a.recommendedTests().stream()
                    .map(Markdown::code).toList())).append("\n\n");
        }
    }

    private static String value(AssessedChange c) {
        if (c.secret().isPresent()) {
            return "secret " + c.secret().get();
        }
        return switch (c.type()) {
            case ADDED -> Markdown.code(c.newValue().orElse(""));
            case REMOVED -> Markdown.code(c.oldValue().orElse(""));
            case MODIFIED -> Markdown.code(c.oldValue().orElse("")) + " → " + Markdown.code(c.newValue().orElse(""));
        };
    }

    private static void findings(StringBuilder sb, AssessOutcome outcome, String title, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        sb.append("**").append(title).append(":**\n\n");
        Markdown.header(sb, "Severity", "Location", "Rule", "Message");
        for (Finding f : findings.subList(0, Math.min(findings.size(), Markdown.MAX_ROWS))) {
            Markdown.row(sb, List.of(f.severity().word().toUpperCase(Locale.ROOT),
                    Markdown.code(AssessmentReports.location(outcome, Optional.of(f.origin()))),
                    Markdown.code(f.ruleId()), Markdown.cell(f.message())));
        }
        Markdown.more(sb, findings.size(), "the json report");
        sb.append('\n');
    }

    private static void consumers(StringBuilder sb, Assessment a) {
        List<AssessedChange> read = a.changes().stream().filter(c -> !c.consumers().isEmpty()).toList();
        if (read.isEmpty()) {
            return;
        }
        sb.append("**Code that reads the changed keys:**\n\n");
        for (AssessedChange c : read.subList(0, Math.min(read.size(), Markdown.MAX_ROWS))) {
            sb.append("- ").append(Markdown.code(c.path().toString())).append(": ");
            List<String> refs = new ArrayList<>();
            for (CodeReference r : c.consumers()) {
                refs.add(Markdown.code(r.toString()));
            }
            sb.append(String.join(", ", refs)).append('\n');
        }
        sb.append('\n');
    }
}
