package io.configcicd.core.security.audit;

import io.configcicd.core.security.audit.VerifyResult.Kind;
import io.configcicd.core.security.audit.VerifyResult.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks how the lines are sealed, against the key of the verifying process: with a key, every line from the first
 * keyed one on must carry a MAC of that key (an unkeyed line there is a downgrade: written without the key, or
 * forged), and a log with lines must have some; without a key, keyed lines are reported as not checked.
 */
final class SealCheck {

    /** The problems found and a sentence saying what the chain check covered. */
    record Outcome(List<Problem> problems, String check) {
    }

    private SealCheck() {
    }

    static Outcome check(List<ChainCheck.Link> links, Optional<AuditKey> key) {
        return key.isPresent() ? keyed(links, key.get()) : unkeyed(links);
    }

    private static Outcome unkeyed(List<ChainCheck.Link> links) {
        TreeSet<String> ids = new TreeSet<>();
        links.forEach(l -> l.entry().keyId().ifPresent(ids::add));
        long keyed = links.stream().filter(l -> l.entry().keyed()).count();
        if (keyed == 0) {
            return new Outcome(List.of(), "chain: unkeyed (SHA-256): finds every changed, removed, inserted or "
                    + "reordered line, but not a chain re-hashed from some line on together with its head file");
        }
        return new Outcome(List.of(), "chain: " + keyed + " keyed line(s) (key id " + String.join(", ", ids)
                + "): their MACs were NOT checked, because " + AuditKey.VARIABLE + " is not set; without the key a "
                + "changed keyed line cannot be told from an intact one, only the links and sequence are checked");
    }

    private static Outcome keyed(List<ChainCheck.Link> links, AuditKey key) {
        List<Problem> problems = new ArrayList<>();
        int firstKeyed = -1;
        for (ChainCheck.Link l : links) {
            AuditLines.Entry e = l.entry();
            if (e.keyed() && !e.checked()) {
                problems.add(new Problem(l.line(), Kind.KEY, "sealed with key id " + e.keyId().get() + ", not with the "
                        + "key of " + AuditKey.VARIABLE + " (id " + key.id() + "): a forged line, or the key was changed"));
            } else if (!e.keyed() && firstKeyed >= 0) {
                problems.add(new Problem(l.line(), Kind.KEY, "not sealed with the key although line " + firstKeyed
                        + " is: written without " + AuditKey.VARIABLE + ", or re-hashed by someone without the key"));
            }
            if (e.keyed() && firstKeyed < 0) {
                firstKeyed = l.line();
            }
        }
        if (!links.isEmpty() && firstKeyed < 0) {
            problems.add(new Problem(0, Kind.KEY, AuditKey.VARIABLE + " is set but no line of the log is sealed with "
                    + "it: the log was rewritten without the key, or the key was set after the last append (the "
                    + "next audited command seals the chain)"));
        }
        String before = firstKeyed > 1 ? "; lines before line " + firstKeyed + " were written before the key and are "
                + "sealed by the MAC of line " + firstKeyed : "";
        return new Outcome(problems, "chain: keyed (HMAC-SHA-256, key id " + key.id() + "): no line can be changed, "
                + "added or re-hashed without the key" + before);
    }
}
