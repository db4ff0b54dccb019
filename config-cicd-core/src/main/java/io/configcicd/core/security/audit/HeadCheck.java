package io.configcicd.core.security.audit;

import io.configcicd.core.security.audit.VerifyResult.Kind;
import io.configcicd.core.security.audit.VerifyResult.Problem;
import java.util.List;

/** Compares the head file (count and hash of the last line) with the log: the only witness of truncation. */
final class HeadCheck {

    private HeadCheck() {
    }

    static List<Problem> check(AuditHead.State state, List<ChainCheck.Link> links, int lineCount) {
        if (state instanceof AuditHead.Missing) {
            return lineCount == 0 ? List.of() : List.of(new Problem(0, Kind.HEAD_MISMATCH,
                    "the head file is missing: truncation of the log cannot be ruled out"));
        }
        if (state instanceof AuditHead.Malformed m) {
            return List.of(new Problem(0, Kind.HEAD_MISMATCH, "the head file is not a head: '" + m.text() + "'"));
        }
        AuditHead head = ((AuditHead.Present) state).head();
        if (links.isEmpty()) {
            return head.count() == 0 ? List.of() : List.of(new Problem(0, Kind.TRUNCATED,
                    "the head names " + head.count() + " line(s) but the log has no intact line"));
        }
        ChainCheck.Link last = links.get(links.size() - 1);
        int at = indexOf(links, head.hash());
        if (at == links.size() - 1) {
            return last.entry().seq() == head.count() ? List.of() : List.of(new Problem(last.line(), Kind.HEAD_MISMATCH,
                    "the head counts " + head.count() + " line(s) but names this line, seq " + last.entry().seq()));
        }
        boolean announced = at == links.size() - 2 && head.next().filter(last.entry().hash()::equals).isPresent()
                && last.entry().prev().equals(head.hash()) && last.entry().seq() == head.count() + 1;
        if (announced) {
            return List.of(); // an append interrupted after its line: the head announced it, the next append adopts it
        }
        if (at >= 0) {
            int after = links.size() - 1 - at;
            return List.of(new Problem(links.get(at).line(), Kind.HEAD_MISMATCH, "the head names this line but "
                    + after + " line(s) follow it: lines were added or moved after it "
                    + "without config-cicd (the next append refuses to continue such a log)"));
        }
        if (head.count() > last.entry().seq()) {
            return List.of(new Problem(last.line(), Kind.TRUNCATED, "the head names " + head.count()
                    + " line(s) but the log ends at seq " + last.entry().seq() + ": "
                    + (head.count() - last.entry().seq()) + " line(s) were removed from the end"));
        }
        return List.of(new Problem(last.line(), Kind.HEAD_MISMATCH, "the last line is not the one the head names "
                + "(seq " + head.count() + "): the line or the head file was changed"));
    }

    private static int indexOf(List<ChainCheck.Link> links, String hash) {
        for (int i = links.size() - 1; i >= 0; i--) {
            if (links.get(i).entry().hash().equals(hash)) {
                return i;
            }
        }
        return -1;
    }
}
