package io.configcicd.cli;

import io.configcicd.core.api.DiffOutcome;
import io.configcicd.core.api.DiffRequest;
import io.configcicd.core.api.DiffService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import io.configcicd.core.report.DiffReports;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code diff --scope S --name N (--version REV | --compare OTHER)}: the key-level differences from a git revision
 * (a commit, tag or branch) to the files on disk, or from environment N to environment OTHER, with origins.
 * Secrets are reported as added, removed or rotated, never printed.
 */
@Command(name = "diff", description = "Key-level differences of a configuration: against a git revision (--version) "
        + "or another environment (--compare). Secrets show as added, removed or rotated, never their values.")
final class DiffCommand extends ConfigCommand {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE",
            description = "global (effective configurations) or environment (override documents alone)")
    private Scope scope;

    @Option(names = "--name", required = true, paramLabel = "ENV", description = "The environment.")
    private String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Against against;

    static final class Against {
        @Option(names = "--version", paramLabel = "REV", description = "A commit, tag (v1.2.3) or branch: from it to the files on disk.")
        String version;

        @Option(names = "--compare", paramLabel = "OTHER", description = "Another environment: from --name to OTHER.")
        String compare;
    }

    @Override
    protected void execute(Workspace workspace, Output output) {
        DiffRequest request = DiffRequest.of(scope, name);
        request = against.version != null ? request.withVersion(against.version) : request.withCompare(against.compare);
        DiffOutcome o = new DiffService().diff(workspace, request);
        output.result(DiffReports.structure(o.scope(), o.name(), o.from(), o.to(), o.changes(), cli().paths()),
                () -> DiffReports.text(o.from(), o.to(), o.changes(), cli().paths()));
    }
}
