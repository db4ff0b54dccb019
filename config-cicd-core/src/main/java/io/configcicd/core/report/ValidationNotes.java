package io.configcicd.core.report;

import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.WaivedFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CLI's {@code validate} says besides the report, as lines of text: the fixes it wrote, and with
 * {@code --verbose} the environments, the rules that ran, the threshold and the findings waivers silenced. Messages
 * are the core's, already masked.
 */
public final class ValidationNotes {

    private ValidationNotes() {
    }

    /** One line per fix written, then how many, when there were any. */
    public static List<String> fixes(Report report, List<AppliedFix> fixes) {
        List<String> out = new ArrayList<>();
        for (AppliedFix f : fixes) {
            out.add("fixed " + report.pathPrefix() + f.file() + " " + f.path() + " [" + f.ruleId() + "]: "
                    + f.description());
        }
        if (!fixes.isEmpty()) {
            out.add(fixes.size() + " fix(es) written; the configuration was validated again:");
        }
        return List.copyOf(out);
    }

    /** The environments, the rules that ran, the threshold, and every waived finding with its waiver. */
    public static List<String> verbose(Report report, List<String> rules, Severity failOn, List<WaivedFinding> waived) {
        List<String> out = new ArrayList<>();
        out.add("environments: " + String.join(", ", report.environments()));
        out.add("rules: " + String.join(", ", rules));
        out.add("fail on: " + failOn.word() + " and above");
        for (WaivedFinding w : waived) {
            Finding f = w.finding();
            out.add("waived " + report.repositoryPath(f.origin()) + lineOf(f) + " [" + f.ruleId() + "] "
                    + f.environment() + ": " + f.message() + " (waiver: " + w.waiver().reason()
                    + w.waiver().expires().map(d -> ", until " + d).orElse("") + ")");
        }
        return List.copyOf(out);
    }

    private static String lineOf(Finding f) {
        return f.origin().line() > 0 ? ":" + f.origin().line() : "";
    }
}
