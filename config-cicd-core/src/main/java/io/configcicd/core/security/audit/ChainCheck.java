package io.configcicd.core.security.audit;

import io.configcicd.core.security.audit.VerifyResult.Kind;
import io.configcicd.core.security.audit.VerifyResult.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the readable lines of a log in file order and reports every break of the hash chain, classified
 * as well as the links and sequence numbers allow. The guarantee is detection: each line must carry the
 * hash of its content and the hash of the line before it, so any change, removal, insertion or move of a
 * line that is followed by another line breaks a check here. (Changes to the tail are caught by the head
 * comparison in {@link AuditVerifier}.)
 */
final class ChainCheck {

    /** A readable line: its 1-based line number, its fields, and how many unreadable lines precede it directly. */
    record Link(int line, AuditLines.Entry entry, int unreadableBefore) {
    }

    private static final int NONE = Integer.MIN_VALUE;
    private static final int GENESIS = -1;

    private final List<Link> links;
    private final Map<String, Integer> firstByHash = new HashMap<>();
    private final Set<Integer> outOfChain = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    private ChainCheck(List<Link> links) {
        this.links = links;
        for (int i = 0; i < links.size(); i++) {
            firstByHash.putIfAbsent(links.get(i).entry().hash(), i);
        }
    }

    static List<Problem> check(List<Link> links) {
        ChainCheck c = new ChainCheck(links);
        c.run();
        return c.problems;
    }

    private void run() {
        int previous = GENESIS;
        for (int k = 0; k < links.size(); k++) {
            Link l = links.get(k);
            if (!l.entry().hashMatches()) {
                add(l, Kind.EDITED, "the line does not match its hash: it was changed after it was written");
            }
            int first = firstByHash.get(l.entry().hash());
            if (first < k) {
                add(l, Kind.INSERTED, "a copy of line " + links.get(first).line());
                outOfChain.add(k);
                continue;
            }
            link(k, previous);
            previous = k;
        }
    }

    /** Checks the link from line {@code k} back to {@code p}, the last line of the chain before it. */
    private void link(int k, int p) {
        Link l = links.get(k);
        AuditLines.Entry e = l.entry();
        String expectedPrev = p == GENESIS ? AuditLines.ZERO_HASH : links.get(p).entry().hash();
        long expectedSeq = p == GENESIS ? 1 : links.get(p).entry().seq() + 1;
        if (e.prev().equals(expectedPrev)) {
            if (e.seq() != expectedSeq) {
                add(l, Kind.EDITED, "seq is " + e.seq() + " where " + expectedSeq
                        + " follows: the line was changed and re-hashed");
            }
            return;
        }
        int pred = predecessor(e);
        if (pred > k) {
            add(l, Kind.REORDERED, "seq " + e.seq() + " belongs after line " + links.get(pred).line());
            outOfChain.add(k);
        } else if (pred != NONE) {
            skipped(k, pred, e.seq() < expectedSeq);
        } else {
            unknownPredecessor(k, p, expectedSeq);
        }
    }

    /** Line {@code k} links to {@code pred}, before the line that precedes it: the lines between are out of place. */
    private void skipped(int k, int pred, boolean seqGoesBack) {
        boolean partOfMove = false;
        for (int j = pred + 1; j < k; j++) {
            partOfMove |= outOfChain.contains(j);
        }
        if (partOfMove) {
            if (seqGoesBack) {
                Link l = links.get(k);
                add(l, Kind.REORDERED, "seq " + l.entry().seq() + " belongs after "
                        + (pred == GENESIS ? "the start of the log" : "line " + links.get(pred).line()));
                outOfChain.add(k);
            }
            return;
        }
        for (int j = pred + 1; j < k; j++) {
            Link between = links.get(j);
            add(between, Kind.INSERTED, "no line of the chain links to it: line " + links.get(k).line()
                    + " follows " + (pred == GENESIS ? "the start of the log" : "line " + links.get(pred).line()));
            outOfChain.add(j);
        }
    }

    /** Line {@code k}'s prev names no line of the log. */
    private void unknownPredecessor(int k, int p, long expectedSeq) {
        Link l = links.get(k);
        long gap = l.entry().seq() - expectedSeq;
        if (gap > 0) {
            if (gap != l.unreadableBefore()) {
                add(l, Kind.DELETED, gap + " line(s) missing before this line (seq " + expectedSeq
                        + (gap > 1 ? ".." + (l.entry().seq() - 1) : "") + ")");
            }
            return;
        }
        if (p == GENESIS) {
            add(l, Kind.EDITED, "the first line does not start the chain (its prev was changed)");
            return;
        }
        String pHash = links.get(p).entry().hash();
        if (k + 1 < links.size() && links.get(k + 1).entry().prev().equals(pHash)) {
            return; // the next line links past this one: reported there as inserted
        }
        add(links.get(p), Kind.EDITED, "line " + l.line() + " does not link to this line: this line was "
                + "changed and re-hashed (or line " + l.line() + "'s prev was)");
    }

    private int predecessor(AuditLines.Entry e) {
        if (e.prev().equals(AuditLines.ZERO_HASH)) {
            return GENESIS;
        }
        Integer i = firstByHash.get(e.prev());
        return i == null ? NONE : i;
    }

    private void add(Link l, Kind kind, String message) {
        problems.add(new Problem(l.line(), kind, message));
    }
}
