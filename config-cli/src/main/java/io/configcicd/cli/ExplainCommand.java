package io.configcicd.cli;

import io.configcicd.core.api.ExplainOutcome;
import io.configcicd.core.api.ExplainRequest;
import io.configcicd.core.api.ReadService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.ConfigPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        ExplainOutcome e = new ReadService().explain(workspace, ExplainRequest.of(environment, path));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", e.environment());
        json.put("path", e.path().toString());
        json.put("value", Output.plain(e.value()));
        json.put("origin", Output.origin(e.setAt()));
        List<Map<String, Object>> chain = new ArrayList<>();
        for (ExplainOutcome.Overridden o : e.overridden()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", Output.plain(o.value()));
            entry.put("origin", Output.origin(o.origin()));
            chain.add(entry);
        }
        json.put("overridden", chain);
        output.result(json, () -> text(e));
    }

    private static String text(ExplainOutcome e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.path()).append(" = ").append(Output.inline(e.value())).append('\n');
        sb.append("  set at ").append(e.setAt()).append('\n');
        for (ExplainOutcome.Overridden o : e.overridden()) {
            sb.append("  overrides ").append(Output.inline(o.value())).append(" at ").append(o.origin()).append('\n');
        }
        return sb.toString();
    }
}
