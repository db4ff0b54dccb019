package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.diff.Change;
import io.configcicd.core.diff.ConfigDiff;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.diff.DiffSummary;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Scope;
import io.configcicd.core.source.EffectiveAtRevision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import io.configcicd.core.security.access.Permission;
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
        ConfigurationManager manager = workspace.manager();
        Governance governance = workspace.governance();
        governance.require(Permission.READ, name, "diff");
        ConfigMap before;
        ConfigMap after;
        String from;
        String to;
        if (against.version != null) {
            try (EffectiveAtRevision git = EffectiveAtRevision.open(manager.directory().root())) {
                before = git.configuration(against.version, scope, name);
                from = against.version + " (" + git.commitId(against.version).substring(0, 12) + ")";
            }
            after = manager.getConfiguration(scope, name).root();
            to = "working tree";
        } else {
            if (against.compare.equals(name)) {
                throw ConfigCicdException.badInput("--compare names the same environment as --name", "compare with another environment");
            }
            governance.require(Permission.READ, against.compare, "diff");
            before = manager.getConfiguration(scope, name).root();
            after = manager.getConfiguration(scope, against.compare).root();
            from = name;
            to = against.compare;
        }
        List<Change> changes = new ConfigDiff(masker(manager)).opening(SecretCipher.opener(cli().env())).diff(before, after);
        DiffSummary summary = DiffSummary.of(changes);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scope", scope.name().toLowerCase(java.util.Locale.ROOT));
        json.put("name", name);
        json.put("from", from);
        json.put("to", to);
        json.put("summary", Changes.summary(summary));
        Changes shown = new Changes(cli().paths());
        json.put("changes", shown.structure(changes));
        output.result(json, () -> text(from, to, changes, summary, shown));
    }

    private static String text(String from, String to, List<Change> changes, DiffSummary summary, Changes shown) {
        StringBuilder sb = new StringBuilder("from " + from + " to " + to + ": ");
        if (changes.isEmpty()) {
            return sb.append("no differences\n").toString();
        }
        sb.append(summary).append('\n');
        changes.forEach(c -> sb.append(shown.line(c)).append('\n'));
        return sb.toString();
    }
}
