package io.configcicd.core.report;

import io.configcicd.core.event.Event;

/**
 * The one wording of progress events for every front end: a terminal line, a Maven log line, a workflow command. The
 * level says how the front end shows it (a warning stands out; the rest is progress that a front end may keep to a
 * verbose or debug channel). Event texts are masked by the service that emitted them.
 */
public final class EventLines {

    private EventLines() {
    }

    public static LogLine of(Event event) {
        if (event instanceof Event.Progress p) {
            return LogLine.info(p.message());
        }
        if (event instanceof Event.FileWritten w) {
            return LogLine.info("wrote " + w.file());
        }
        if (event instanceof Event.BackupTaken b) {
            return LogLine.info("backup " + b.id() + " taken (" + b.where() + ")");
        }
        if (event instanceof Event.TargetStep t) {
            String text = t.operation() + (t.target().isEmpty() ? "" : " " + t.target()) + ": " + t.message();
            return t.message().startsWith("failed") || t.message().startsWith("RESTORE FAILED")
                    ? new LogLine(LogLine.Level.WARN, text) : LogLine.info(text);
        }
        if (event instanceof Event.Round r) {
            return new LogLine(r.healthy() ? LogLine.Level.INFO : LogLine.Level.WARN, r.summary());
        }
        if (event instanceof Event.Warning w) {
            return new LogLine(LogLine.Level.WARN, w.origin().isKnown() ? w.origin() + ": " + w.message() : w.message());
        }
        return LogLine.info(event.operation() + ": " + event.getClass().getSimpleName());
    }
}
