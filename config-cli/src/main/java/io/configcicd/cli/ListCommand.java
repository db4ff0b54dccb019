package io.configcicd.cli;

import io.configcicd.core.api.ListOutcome;
import io.configcicd.core.api.ListRequest;
import io.configcicd.core.api.ReadService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code list --scope S}: the configurations of a scope, with the files each is made of. */
@Command(name = "list",
        description = "List the configurations in a scope: global (every environment's effective configuration) "
                + "or environment (the environments with an override document).")
final class ListCommand extends ConfigCommand {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "global or environment")
    private Scope scope;

    @Override
    protected void execute(Workspace workspace, Output output) {
        ListOutcome outcome = new ReadService().list(workspace, ListRequest.of(scope));
        List<Map<String, Object>> entries = outcome.entries().stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", e.name());
            entry.put("files", e.files());
            return entry;
        }).toList();
        output.result(entries, () -> String.join("\n", outcome.names()));
        outcome.notes().forEach(n -> cli().err().println("note: " + n));
    }
}
