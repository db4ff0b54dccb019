package io.configcicd.core.report;

import io.configcicd.core.history.HistoryEntry;
import io.configcicd.core.report.RepositoryPaths;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A configuration's history (commits or backups, newest first, with their key-level changes) as outputs show it. */
public final class HistoryReports {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private HistoryReports() {
    }

    /** Each entry as {@code commit, author, email, time, message, summary, changes, history_cut_off}. */
    public static List<Map<String, Object>> structure(List<HistoryEntry> entries, RepositoryPaths paths) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("commit", e.commitId());
            m.put("author", e.author());
            m.put("email", e.email());
            m.put("time", e.time().toString());
            m.put("message", e.message());
            m.put("summary", DiffReports.summary(e.summary()));
            m.put("changes", DiffReports.changes(e.changes(), paths));
            m.put("history_cut_off", e.historyCutOff());
            json.add(m);
        }
        return json;
    }

    /** One line per entry ({@code id  time  author  message  [summary]}), its changes indented below it. */
    public static String text(List<HistoryEntry> entries, RepositoryPaths paths) {
        if (entries.isEmpty()) {
            return "no commits changed this configuration\n";
        }
        StringBuilder sb = new StringBuilder();
        for (HistoryEntry e : entries) {
            sb.append(e.shortId()).append("  ").append(TIME.format(e.time())).append("  ").append(e.author())
                    .append("  ").append(e.message()).append("  [")
                    .append(e.historyCutOff() ? "history cut off: shallow clone, changes unknown" : e.summary())
                    .append("]\n");
            e.changes().forEach(c -> sb.append("    ").append(DiffReports.line(c, paths)).append('\n'));
        }
        return sb.toString();
    }
}
