package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.ConfigDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.access.Permission;
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
        ConfigurationManager manager = workspace.manager();
        Governance governance = workspace.governance();
        governance.require(Permission.READ, AccessPolicy.ANY_ENVIRONMENT, "list");
        List<String> names = manager.listConfigurations(scope);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("files", files(manager.directory(), name));
            entries.add(entry);
        }
        output.result(entries, () -> String.join("\n", names));
        manager.directory().problems().forEach(p -> cli().err().println("note: " + p.file() + ": " + p.problem()
                + " (" + p.hint() + ")"));
    }

    private List<String> files(ConfigDirectory directory, String name) {
        List<String> files = new ArrayList<>();
        if (scope == Scope.GLOBAL) {
            files.addAll(directory.globalDocuments());
        }
        directory.environmentDocument(name).ifPresent(files::add);
        return files;
    }
}
