package io.configcicd.action;

import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.report.EventLines;
import io.configcicd.core.report.GithubWorkflowCommands;
import io.configcicd.core.report.LogLine;
import java.io.PrintStream;

/**
 * The action's rendering of the core's progress events as workflow commands: a warning as a {@code ::warning::}
 * annotation, the steps (files written, backups taken, deploy progress) as {@code ::debug::} lines, which the runner
 * shows when step debug logging is on, and each round of a monitor run as a group
 * ({@code ::group::monitor round N: healthy|FAILED}, its detail lines, {@code ::endgroup::}; a failed round also as a
 * warning annotation). Events arrive once the step runs, after {@link #attach} gave the masked standard output; none
 * are emitted while the workspace opens.
 */
final class ActionProgress implements EventSink {

    private volatile PrintStream out;

    /** From now on events go to {@code masked}, the step's standard output (every secret masked). */
    void attach(PrintStream masked) {
        this.out = masked;
    }

    @Override
    public void accept(Event event) {
        PrintStream target = out;
        if (target == null) {
            return;
        }
        if (event instanceof Event.Round r) {
            round(r, target);
            return;
        }
        LogLine line = EventLines.of(event);
        target.println(line.level() == LogLine.Level.INFO
                ? "::debug::" + GithubWorkflowCommands.escapeData(line.text())
                : WorkflowCommands.annotation("warning", "config-cicd", line.text()));
    }

    /** One group per round, printed at once so that no other line falls inside it. */
    private static void round(Event.Round r, PrintStream target) {
        StringBuilder sb = new StringBuilder();
        sb.append("::group::").append(r.operation()).append(" round ").append(r.number()).append(": ")
                .append(r.healthy() ? "healthy" : "FAILED").append('\n');
        sb.append(WorkflowCommands.plain(EventLines.of(r).text())).append('\n');
        r.details().forEach(d -> sb.append(WorkflowCommands.plain("  " + d)).append('\n'));
        sb.append("::endgroup::\n");
        if (!r.healthy()) {
            sb.append(WorkflowCommands.annotation("warning", "config-cicd", r.summary())).append('\n');
        }
        synchronized (target) {
            target.print(sb);
            target.flush();
        }
    }
}
