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
 */
public record VerifyResult(int linesChecked, String lastHash, List<Problem> problems) {

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
        MALFORMED
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

    public VerifyResult {
        Objects.requireNonNull(lastHash, "lastHash");
        problems = problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
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
