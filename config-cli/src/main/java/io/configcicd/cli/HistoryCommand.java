package io.configcicd.cli;

import io.configcicd.core.api.HistoryOutcome;
import io.configcicd.core.api.HistoryRequest;
import io.configcicd.core.api.HistoryService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import io.configcicd.core.report.HistoryReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history --scope S --name N}: the commits that changed a configuration, newest first, with key-level changes. */
@Command(name = "history", description = "The commits that changed a configuration, newest first, with author, date, "
        + "message and the keys each one changed (effective keys for scope global).")
final class HistoryCommand extends ConfigCommand {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE",
            description = "global (the environment's effective configuration) or environment (its override document)")
    private Scope scope;

    @Option(names = "--name", required = true, paramLabel = "ENV", description = "The environment.")
    private String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N commits (default 20; 0 for all).")
    private int limit;

    @Override
    protected void execute(Workspace workspace, Output output) {
        HistoryOutcome o = new HistoryService().history(workspace, HistoryRequest.of(scope, name).withLimit(limit));
        output.result(HistoryReports.structure(o.entries(), cli().paths()),
                () -> HistoryReports.text(o.entries(), cli().paths()));
    }
}
