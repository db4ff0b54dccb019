package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.api.Explanation;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.repo.git.RepositoryPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.configcicd.core.security.access.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code explain --environment E --path P}: which file:line set the effective value, and what it overrode. */
@Command(name = "explain", description = "Show which file:line set an effective value, and the values it overrode.")
final class ExplainCommand extends ConfigCommand {

    @Option(names = "--environment", required = true, paramLabel = "ENV", description = "The environment, for example production.")
    private String environment;

    @Option(names = "--path", required = true, paramLabel = "PATH", description = "A dotted path such as kgot.reasoning_depth.")
    private ConfigPath path;

    @Override
    protected void execute(Workspace workspace, Output output) {
        ConfigurationManager manager = workspace.manager();
        Governance governance = workspace.governance();
        governance.require(Permission.READ, environment, "explain");
        Explanation e = manager.explain(environment, path.toString());
        SecretMasker masker = masker(manager);
        ConfigNode value = masker.mask(e.path(), e.value());
        List<ConfigNode> overridden = e.overridden().stream().map(o -> masker.mask(e.path(), o)).toList();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", e.environment());
        json.put("path", e.path().toString());
        json.put("value", Output.plain(value));
        RepositoryPaths paths = cli().paths();
        json.put("origin", Output.origin(e.setAt(), paths));
        List<Map<String, Object>> chain = new ArrayList<>();
        for (ConfigNode o : overridden) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", Output.plain(o));
            entry.put("origin", Output.origin(o.origin(), paths));
            chain.add(entry);
        }
        json.put("overridden", chain);
        output.result(json, () -> text(e, value, overridden, paths));
    }

    private static String text(Explanation e, ConfigNode value, List<ConfigNode> overridden, RepositoryPaths paths) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.path()).append(" = ").append(Output.inline(value)).append('\n');
        sb.append("  set at ").append(paths.origin(e.setAt())).append('\n');
        for (ConfigNode o : overridden) {
            sb.append("  overrides ").append(Output.inline(o)).append(" at ").append(paths.origin(o.origin())).append('\n');
        }
        return sb.toString();
    }
}
