package io.configcicd.core.report;

import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.impact.AssessedChange;
import io.configcicd.core.impact.Assessment;
import io.configcicd.core.model.Origin;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.validate.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an assessment ({@link AssessOutcome}) in every {@link ReportFormat}: text, json (ARCHITECTURE §3:
 * {@code risk_level, environment, base, head, changes[], recommended_tests[]}) and Markdown (for pull-request
 * comments and job summaries) are written from the assessment itself; JUnit, SARIF, GitLab Code Quality and GitHub
 * annotations from {@link #asReport}, where each change is a finding at the file:line that set it, so the tools
 * that read validation reports show the changes and their risk in place.
 */
public final class AssessmentReports {

    /** The rule id of a change in the finding formats; the risk level follows ({@code risk.high}). */
    public static final String RULE_PREFIX = "risk.";

    private AssessmentReports() {
    }

    /** The assessment in one format; {@code colour} only matters for text on a terminal. */
    public static String render(AssessOutcome outcome, ReportFormat format, boolean colour) {
        return switch (format) {
            case TEXT -> AssessmentText.render(outcome, colour);
            case JSON -> AssessmentJson.render(outcome);
            case MARKDOWN -> AssessmentMarkdown.render(outcome);
            default -> ReportWriters.of(format, false).render(asReport(outcome));
        };
    }

    /** The file name of a format in a report directory: the validation report's name with {@code -assess}. */
    public static String fileName(ReportFormat format) {
        String name = format.fileName();
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "-assess" + name.substring(dot);
    }

    /** Writes one format to a file, atomically, every secret the masker knows replaced. */
    public static void write(AssessOutcome outcome, ReportFormat format, Path file, OutputMasker masker) {
        ReportFiles.writeText(masker.mask(render(outcome, format, false)), file);
    }

    /** Writes every format into a directory under {@link #fileName}; returns the files. */
    public static Map<ReportFormat, Path> writeAll(AssessOutcome outcome, Iterable<ReportFormat> formats,
                                                   Path directory, OutputMasker masker) {
        Map<ReportFormat, Path> out = new LinkedHashMap<>();
        for (ReportFormat f : formats) {
            Path file = directory.resolve(fileName(f));
            write(outcome, f, file, masker);
            out.put(f, file);
        }
        return out;
    }

    /**
     * The assessment as a validation report: each change a finding of rule {@code risk.<level>} whose severity
     * follows the risk (LOW info, MEDIUM warning, HIGH error, CRITICAL critical), at the origin of its value, with
     * the change and its reasons as the message; then each finding the change introduces, as validation reported it.
     */
    public static Report asReport(AssessOutcome outcome) {
        List<Finding> findings = new ArrayList<>();
        List<String> environments = new ArrayList<>();
        for (Assessment a : outcome.assessments()) {
            environments.add(a.environment());
            for (AssessedChange c : a.changes()) {
                findings.add(new Finding(RULE_PREFIX + c.risk().word(), c.risk().severity(), a.environment(),
                        c.path(), c.origin().orElse(Origin.UNKNOWN), describe(c) + ": " + c.risk()
                        + " (" + String.join("; ", c.reasons()) + ")", Optional.empty()));
            }
            findings.addAll(a.introducedFindings());
        }
        return Report.of(outcome.version(), "assess", outcome.pathPrefix(), environments, findings);
    }

    /** {@code modified svc.port: 8080 -> 8081}, {@code secret rotated} for a secret. */
    static String describe(AssessedChange c) {
        return c.type().word() + " " + c.path() + ": " + values(c);
    }

    /** The change's values as text: {@code old -> new}, the value added or removed, or what happened to a secret. */
    static String values(AssessedChange c) {
        if (c.secret().isPresent()) {
            return "secret " + c.secret().get();
        }
        return switch (c.type()) {
            case ADDED -> c.newValue().orElse("");
            case REMOVED -> c.oldValue().orElse("");
            case MODIFIED -> c.oldValue().orElse("") + " -> " + c.newValue().orElse("");
        };
    }

    /** The origin of a change relative to the repository root, {@code file:line}; empty when unknown. */
    static String location(AssessOutcome outcome, Optional<Origin> origin) {
        if (origin.isEmpty() || !origin.get().isKnown()) {
            return "";
        }
        Origin o = origin.get();
        String file = Report.repositoryPath(outcome.pathPrefix(), o);
        return o.line() > 0 ? file + ":" + o.line() : file;
    }

    static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
