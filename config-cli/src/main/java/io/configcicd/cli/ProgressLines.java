package io.configcicd.cli;

import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.report.EventLines;
import io.configcicd.core.report.LogLine;
import java.io.PrintStream;

/**
 * The terminal's rendering of the core's progress events, on standard error (masked like every byte the CLI writes):
 * warnings always, as {@code note: ...}; the rounds of {@code monitor} always, one line each as the core words it
 * ({@code round 3: healthy: ...}), a failed round followed by its details indented; the steps of a command (files
 * written, backups taken, deploy progress) with {@code --progress}, as {@code config-cicd: ...}.
 */
final class ProgressLines implements EventSink {

    private final PrintStream err;
    private final boolean steps;

    ProgressLines(PrintStream err, boolean steps) {
        this.err = err;
        this.steps = steps;
    }

    @Override
    public void accept(Event event) {
        LogLine line = EventLines.of(event);
        if (event instanceof Event.Round round) {
            StringBuilder text = new StringBuilder(line.text()).append('\n');
            if (!round.healthy()) {
                round.details().forEach(d -> text.append("    ").append(d).append('\n'));
            }
            err.print(text); // one write: the round and its details stay together
            err.flush();
        } else if (line.level() != LogLine.Level.INFO) {
            err.println("note: " + line.text());
        } else if (steps) {
            err.println("config-cicd: " + line.text());
        }
    }
}
