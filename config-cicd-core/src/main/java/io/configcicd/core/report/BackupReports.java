package io.configcicd.core.report;

import io.configcicd.core.history.Backup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Backups of a configuration (git tags or copies) as outputs show them. */
public final class BackupReports {

    private BackupReports() {
    }

    /** A backup as {@code id, time, label, kind, files}. */
    public static Map<String, Object> structure(Backup b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("time", b.time().toString());
        m.put("label", b.label());
        m.put("kind", kind(b));
        m.put("files", b.files());
        return m;
    }

    /** Each backup as {@link #structure(Backup)}, newest first as given. */
    public static List<Map<String, Object>> structure(List<Backup> backups) {
        return backups.stream().map(BackupReports::structure).toList();
    }

    /** {@code backup <id> (<n> file(s))}: the line after a backup was taken. */
    public static String taken(Backup b) {
        return "backup " + b.id() + " (" + b.files().size() + " file(s))\n";
    }

    /** One line per backup ({@code id  time  kind  n file(s)}), or {@code no backups}. */
    public static String text(List<Backup> backups) {
        StringBuilder sb = new StringBuilder(backups.isEmpty() ? "no backups\n" : "");
        backups.forEach(b -> sb.append(b.id()).append("  ").append(b.time()).append("  ").append(kind(b)).append("  ")
                .append(b.files().size()).append(" file(s)\n"));
        return sb.toString();
    }

    private static String kind(Backup b) {
        return b.kind().name().toLowerCase(Locale.ROOT);
    }
}
