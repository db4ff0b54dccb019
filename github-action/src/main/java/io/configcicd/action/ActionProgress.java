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
 * shows when step debug logging is on. Events arrive once the step runs, after {@link #attach} gave the masked
 * standard output; none are emitted while the workspace opens.
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
        LogLine line = EventLines.of(event);
        target.println(line.level() == LogLine.Level.INFO
                ? "::debug::" + GithubWorkflowCommands.escapeData(line.text())
                : WorkflowCommands.annotation("warning", "config-cicd", line.text()));
    }
}
