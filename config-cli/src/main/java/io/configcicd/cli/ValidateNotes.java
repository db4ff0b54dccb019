package io.configcicd.cli;

import io.configcicd.core.api.ValidateOutcome;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.WaivedFinding;
import java.io.PrintStream;

/** What {@code validate} says besides the report: the fixes it wrote, and with --verbose the rules and waivers. */
final class ValidateNotes {

    private ValidateNotes() {
    }

    static void fixes(ValidateOutcome outcome, PrintStream out) {
        for (AppliedFix f : outcome.fixes()) {
            out.println("fixed " + outcome.report().pathPrefix() + f.file() + " " + f.path() + " [" + f.ruleId() + "]: "
                    + f.description());
        }
        if (!outcome.fixes().isEmpty()) {
            out.println(outcome.fixes().size() + " fix(es) written; the configuration was validated again:");
        }
    }

    static void verbose(ValidateOutcome outcome, PrintStream out) {
        out.println("environments: " + String.join(", ", outcome.report().environments()));
        out.println("rules: " + String.join(", ", outcome.rules()));
        out.println("fail on: " + outcome.failOn().word() + " and above");
        for (WaivedFinding w : outcome.waived()) {
            Finding f = w.finding();
            out.println("waived " + outcome.report().repositoryPath(f.origin()) + lineOf(f) + " [" + f.ruleId() + "] "
                    + f.environment() + ": " + f.message() + " (waiver: " + w.waiver().reason()
                    + w.waiver().expires().map(d -> ", until " + d).orElse("") + ")");
        }
    }

    private static String lineOf(Finding f) {
        return f.origin().line() > 0 ? ":" + f.origin().line() : "";
    }
}
