package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.git.GitRevisions;
import io.configcicd.core.repo.git.GitWorkTrees;
import io.configcicd.core.history.BackupHistory;
import io.configcicd.core.history.ConfigHistory;
import io.configcicd.core.history.HistoryEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.configcicd.core.security.access.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history --scope S --name N}: the commits that changed a configuration, newest first, with key-level changes. */
@Command(name = "history", description = "The commits that changed a configuration, newest first, with author, date, "
        + "message and the keys each one changed (effective keys for scope global).")
final class HistoryCommand extends ConfigCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--scope", required = true, paramLabel = "SCOPE",
            description = "global (the environment's effective configuration) or environment (its override document)")
    private Scope scope;

    @Option(names = "--name", required = true, paramLabel = "ENV", description = "The environment.")
    private String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N commits (default 20; 0 for all).")
    private int limit;

    @Override
    protected void execute(Workspace workspace, Output output) {
        ConfigurationManager manager = workspace.manager();
        Governance governance = workspace.governance();
        governance.require(Permission.READ, name, "history");
        boolean git = GitWorkTrees.workTreeOf(manager.directory().root()).isPresent();
        List<HistoryEntry> entries = git
                ? new ConfigHistory(manager.directory().settings().secretKeys(),
                        io.configcicd.core.diff.ConfigDiff.defaultFingerprint())
                        .history(manager.directory().root(), scope, name, limit)
                : new BackupHistory().history(manager.directory().root(), scope, name, masker(manager), limit);
        if (!git) {
            cli().err().println("note: " + manager.directory().root() + " is not in a git repository: this history is "
                    + "its backups (config-cicd backup); commits, authors and messages need git");
        }
        entries.stream().filter(HistoryEntry::historyCutOff).forEach(e -> cli().err().println("note: the history is cut "
                + "off at " + e.shortId() + ": this is a shallow clone and its parents were not fetched, so what "
                + e.shortId() + " changed and every older change are unknown; " + GitRevisions.FETCH_HISTORY));
        Changes shown = new Changes(cli().paths());
        List<Map<String, Object>> json = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("commit", e.commitId());
            m.put("author", e.author());
            m.put("email", e.email());
            m.put("time", e.time().toString());
            m.put("message", e.message());
            m.put("summary", Changes.summary(e.summary()));
            m.put("changes", shown.structure(e.changes()));
            m.put("history_cut_off", e.historyCutOff());
            json.add(m);
        }
        output.result(json, () -> text(entries, shown));
    }

    private static String text(List<HistoryEntry> entries, Changes shown) {
        if (entries.isEmpty()) {
            return "no commits changed this configuration\n";
        }
        StringBuilder sb = new StringBuilder();
        for (HistoryEntry e : entries) {
            sb.append(e.shortId()).append("  ").append(TIME.format(e.time())).append("  ").append(e.author())
                    .append("  ").append(e.message()).append("  [")
                    .append(e.historyCutOff() ? "history cut off: shallow clone, changes unknown" : e.summary())
                    .append("]\n");
            e.changes().forEach(c -> sb.append("    ").append(shown.line(c)).append('\n'));
        }
        return sb.toString();
    }
}
