package io.configcicd.core.security.audit;

import io.configcicd.core.ConfigCicdException;
import java.util.Optional;

/**
 * What an append checks before it writes (in constant time, however long the log is): that the log ends where its
 * head file says, with a line whose hash (or MAC, in a keyed log) is right, and that the git anchor, when there is
 * one, names that head. A line after the head is adopted only when the head announced it (an append that was
 * interrupted after writing its line); anything else means the log, its head or its anchor was changed by something
 * other than an append, and the append is refused rather than sealing the change into the chain. The whole log is
 * checked by {@link AuditVerifier}.
 */
final class TailCheck {

    private final Optional<AuditKey> key;
    private final Optional<AuditAnchor.State> anchor;
    private final String hint;

    /**
     * @param key    the key of the chain, when it is keyed
     * @param anchor what the git anchor holds; empty when the log has none (not in a git work tree)
     * @param hint   what to do, for the refusal: how to look and how to start a new log
     */
    TailCheck(Optional<AuditKey> key, Optional<AuditAnchor.State> anchor, String hint) {
        this.key = key;
        this.anchor = anchor;
        this.hint = hint;
    }

    /**
     * The head to continue from.
     *
     * @throws ConfigCicdException (external) when the tail does not match the head or the anchor
     */
    AuditHead check(AuditHead.State state, LogTail tail) {
        Optional<AuditLines.Entry> last = tail.lastLine().flatMap(l -> AuditLines.parse(l, key));
        if (tail.lastLine().isPresent() && last.isEmpty()) {
            throw refused("its last line is not an audit line");
        }
        AuditHead at;
        if (state instanceof AuditHead.Present p) {
            at = fromHead(p.head(), last);
        } else if (state instanceof AuditHead.Malformed m) {
            throw refused("its head file is not a head: '" + m.text() + "'");
        } else if (last.isPresent() || tail.torn()) {
            throw refused("its head file is missing while the log has lines");
        } else {
            at = AuditHead.EMPTY;
        }
        last.ifPresent(this::checkSeal);
        checkAnchor(at, state);
        return at;
    }

    private AuditHead fromHead(AuditHead head, Optional<AuditLines.Entry> last) {
        if (last.isEmpty()) {
            if (head.count() > 0) {
                throw refused("its head names " + head.count() + " line(s) but the log has none");
            }
            return head;
        }
        AuditLines.Entry e = last.get();
        if (e.hash().equals(head.hash()) && e.seq() == head.count()) {
            return head;
        }
        if (head.next().filter(e.hash()::equals).isPresent() && e.prev().equals(head.hash())
                && e.seq() == head.count() + 1) {
            return new AuditHead(e.seq(), e.hash()); // an append interrupted after its line: the head announced it
        }
        throw refused("its last line (seq " + e.seq() + ") is not the one its head names (seq " + head.count()
                + "): a line was added, removed or changed since the last append");
    }

    private void checkSeal(AuditLines.Entry e) {
        if (e.keyed() && key.isEmpty()) {
            throw ConfigCicdException.external("the audit log is keyed (key id " + e.keyId().get() + ") and "
                    + AuditKey.VARIABLE + " is not set: a line without the key would break its chain",
                    "set " + AuditKey.VARIABLE + " to the log's key", null);
        }
        if (e.keyed() && !e.checked()) {
            throw ConfigCicdException.external("the audit log is sealed with key id " + e.keyId().get() + " but "
                    + AuditKey.VARIABLE + " holds key id " + key.get().id(), "set " + AuditKey.VARIABLE
                    + " to the log's key; to change the key, start a new log (" + hint + ")", null);
        }
        if (!e.hashMatches()) {
            throw refused("its last line (seq " + e.seq() + ") does not match its " + (e.keyed() ? "MAC" : "hash"));
        }
    }

    private void checkAnchor(AuditHead at, AuditHead.State state) {
        if (anchor.isEmpty()) {
            return;
        }
        AuditAnchor.State held = anchor.get();
        if (held instanceof AuditAnchor.Unreadable u) {
            throw refused("its git anchor cannot be read: " + u.why());
        }
        if (!(held instanceof AuditAnchor.Present p)) {
            return; // first anchoring (a log from before anchors, or a directory put under git since)
        }
        AuditAnchor.Anchored a = p.anchored();
        boolean atHead = a.hash().equals(at.hash()) && a.count() == at.count();
        boolean atPrevious = state instanceof AuditHead.Present h && a.hash().equals(h.head().hash())
                && a.count() == h.head().count();
        if (!atHead && !atPrevious) {
            throw refused("its git anchor names line " + a.count() + " (" + a.hash().substring(0, 12)
                    + "...) but the log ends at line " + at.count()
                    + (at.count() == 0 ? "" : " (" + at.hash().substring(0, 12) + "...)")
                    + ": the log or its head was changed, or the anchor was moved");
        }
    }

    private ConfigCicdException refused(String why) {
        return ConfigCicdException.external("the audit log was changed outside config-cicd, so nothing is appended to "
                + "it: " + why, "run config-cicd audit verify to see what changed. " + hint, null);
    }
}
