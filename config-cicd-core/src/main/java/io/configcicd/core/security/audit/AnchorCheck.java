package io.configcicd.core.security.audit;

import io.configcicd.core.security.audit.VerifyResult.Kind;
import io.configcicd.core.security.audit.VerifyResult.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the log with its git anchor ({@link AuditAnchor}): the anchored line must be in the log, as its last line
 * (or the one before a line the head announced: an append interrupted before it moved the anchor). This is what
 * shows a log deleted together with its head, or cut short with its head rewritten.
 */
final class AnchorCheck {

    /** The problems found and a sentence saying what was compared. */
    record Outcome(List<Problem> problems, String check) {
    }

    private AnchorCheck() {
    }

    static Outcome check(Optional<AuditAnchor> anchor, List<ChainCheck.Link> links, AuditHead.State head,
                         int lineCount) {
        if (anchor.isEmpty()) {
            return new Outcome(List.of(), "git anchor: none (the configuration directory is not in a git work tree, "
                    + "or the log is outside it): a log deleted together with its head, or cut short with its head "
                    + "rewritten, is only found with --expect-head");
        }
        AuditAnchor a = anchor.get();
        AuditAnchor.State state = a.read();
        List<Problem> problems = new ArrayList<>();
        if (state instanceof AuditAnchor.Unreadable u) {
            problems.add(new Problem(0, Kind.ANCHOR, u.why()));
            return new Outcome(problems, "git anchor " + a.ref() + ": unreadable");
        }
        if (!(state instanceof AuditAnchor.Present present)) {
            boolean hasLines = lineCount > 0 || head instanceof AuditHead.Present p && p.head().count() > 0;
            if (hasLines) {
                problems.add(new Problem(0, Kind.ANCHOR, "the log has lines but its git anchor " + a.ref()
                        + " does not exist: the anchor was deleted, or the log was written before config-cicd "
                        + "anchored logs (then the next audited command anchors it)"));
            }
            return new Outcome(problems, "git anchor " + a.ref() + ": none yet");
        }
        AuditAnchor.Anchored at = present.anchored();
        if (!at.log().equals(a.logName())) {
            problems.add(new Problem(0, Kind.ANCHOR, "the git anchor " + a.ref() + " names another log: " + at.log()));
        }
        compare(at, links, head, problems);
        return new Outcome(problems, "git anchor " + a.ref() + ": line " + at.count() + " (" + at.hash() + ")");
    }

    private static void compare(AuditAnchor.Anchored at, List<ChainCheck.Link> links, AuditHead.State head,
                                List<Problem> problems) {
        int i = links.size() - 1;
        while (i >= 0 && !(links.get(i).entry().hash().equals(at.hash()) && links.get(i).entry().hashMatches())) {
            i--;
        }
        if (i < 0) {
            problems.add(links.isEmpty()
                    ? new Problem(0, Kind.ANCHOR, "the log is missing or empty but its git anchor names " + at.count()
                            + " line(s): the log was deleted or emptied")
                    : new Problem(links.get(links.size() - 1).line(), Kind.ANCHOR, "the anchored head (line "
                            + at.count() + ", " + at.hash().substring(0, 12) + "...) is not in the log: the log was cut "
                            + "short or rewritten since"));
            return;
        }
        ChainCheck.Link anchored = links.get(i);
        if (anchored.entry().seq() != at.count()) {
            problems.add(new Problem(anchored.line(), Kind.ANCHOR, "the git anchor counts " + at.count()
                    + " line(s) but names this line, seq " + anchored.entry().seq()));
        }
        int after = links.size() - 1 - i;
        boolean announced = after == 1 && head instanceof AuditHead.Present p
                && p.head().next().filter(links.get(i + 1).entry().hash()::equals).isPresent();
        if (after > 0 && !announced) {
            problems.add(new Problem(anchored.line(), Kind.ANCHOR, after + " line(s) follow the anchored head: "
                    + "added by something other than config-cicd, or the anchor was moved back"));
        }
    }
}
