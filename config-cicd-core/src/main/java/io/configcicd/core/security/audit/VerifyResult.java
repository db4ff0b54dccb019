package io.configcicd.core.security.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What {@link AuditVerifier} found.
 *
 * @param linesChecked the number of lines in the log (a torn last line included)
 * @param lastHash     the hash of the last intact line (64 zeros for an empty log): the value to keep
 *                     elsewhere and give back as {@code --expect-head} later
 * @param problems     what is wrong, by line; empty when the log is intact
 * @param checks       what was checked and what could not be, one sentence each (the chain's mode, the git
 *                     anchor, the expected head), for a person
 * @param unfinished   actions whose "started" line has no outcome line: the process stopped (or its outcome could
 *                     not be written) between the two, so whether the action happened is unknown. Not damage to
 *                     the log: they do not make it fail
 */
public record VerifyResult(int linesChecked, String lastHash, List<Problem> problems, List<String> checks,
                           List<Unfinished> unfinished) {

    /** What kind of damage a problem is. Classification is best effort; detection is not. */
    public enum Kind {
        /** A line's content no longer matches its hash, or it was changed and re-hashed (the next link breaks). */
        EDITED,
        /** Lines are missing before this line (the chain skips sequence numbers). */
        DELETED,
        /** This line is not part of the chain: a duplicate or a forged line. */
        INSERTED,
        /** This line is out of order. */
        REORDERED,
        /** Lines are missing at the end: the head file (or the expected head) names more lines than the log has. */
        TRUNCATED,
        /** An incomplete line: a write that did not finish (a crash mid-append) or a line cut short. */
        TORN,
        /** The head file is missing, unreadable or disagrees with the log, or the expected head is not in the log. */
        HEAD_MISMATCH,
        /** A line that is not an audit line at all (not JSON, fields missing, no hash). */
        MALFORMED,
        /** The key does not check out: a line sealed with another key, or not sealed in a log that is keyed. */
        KEY,
        /** The git anchor is missing, unreadable, or names a head the log does not end with. */
        ANCHOR,
        /** The log, its head or a folder on the way to them is a symbolic link; it was not followed. */
        LINK
    }

    /**
     * One finding.
     *
     * @param line    the 1-based line of the log it concerns; 0 for the log or head file as a whole
     * @param kind    what it is
     * @param message what was found, for a person
     */
    public record Problem(int line, Kind kind, String message) {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + kind + ": " + message;
        }
    }

    /**
     * An action that was started and whose outcome was never written.
     *
     * @param line    the 1-based line of its "started" entry
     * @param seq     that entry's sequence number
     * @param time    when it started
     * @param summary who did what to which target, for a person
     */
    public record Unfinished(int line, long seq, String time, String summary) {
        public Unfinished {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(summary, "summary");
        }
    }

    public VerifyResult {
        Objects.requireNonNull(lastHash, "lastHash");
        problems = problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
        checks = List.copyOf(checks);
        unfinished = List.copyOf(unfinished);
    }

    /** A result without notes on what was checked and without unfinished actions. */
    public VerifyResult(int linesChecked, String lastHash, List<Problem> problems) {
        this(linesChecked, lastHash, problems, List.of(), List.of());
    }

    /** Whether the log is intact: no problem at all. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Whether some problem is of this kind. */
    public boolean has(Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }
}
