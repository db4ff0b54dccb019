package io.configcicd.core.event;

import io.configcicd.core.model.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something the core did or found while an operation runs, for the front end to render as it renders progress (a
 * terminal line on standard error, Maven's {@code Log}, a workflow command, a line of the agent's status page), as
 * Jib's {@code EventHandlers} do. Events never carry a secret: the service that emits one masks its text first.
 * Every event has the time it happened (from the service's {@link java.time.Clock}) and the operation it belongs to
 * ({@code validate}, {@code set}, {@code rollback}, {@code deploy}, ...).
 */
public sealed interface Event {

    Instant time();

    String operation();

    /** A step of a long operation: {@code "reading revision 4f2a1c3"}, {@code "validating production"}. */
    record Progress(Instant time, String operation, String message) implements Event {
        public Progress {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A file of the configuration directory (relative to it) was written, atomically. */
    record FileWritten(Instant time, String operation, String file) implements Event {
        public FileWritten {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(file, "file");
        }
    }

    /** A backup was taken before a write: its id and where it is kept (a git tag, a copy). */
    record BackupTaken(Instant time, String operation, String id, String where) implements Event {
        public BackupTaken {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(where, "where");
        }
    }

    /** Something the user should know that does not fail the operation, at a file:line when there is one. */
    record Warning(Instant time, String operation, String message, Origin origin) implements Event {
        public Warning {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * A step of a deploy, a store rollback, a drift check or {@code test-stores} on one target: {@code "read"},
     * {@code "applied and verified"}, {@code "restored and verified"}, {@code "RESTORE FAILED: ..."}. Masked.
     */
    record TargetStep(Instant time, String operation, String target, String message) implements Event {
        public TargetStep {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * One round of {@code monitor}: every probe asked once and every target read once. {@code summary} is one line
     * ({@code "round 3: healthy (health 200 in 12 ms, errors 0.012 < 0.05; targets hold 4711)"}), {@code details} a
     * line per probe and per target. Masked.
     */
    record Round(Instant time, String operation, int number, boolean healthy, String summary, List<String> details)
            implements Event {
        public Round {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(summary, "summary");
            details = List.copyOf(details);
        }
    }
}
