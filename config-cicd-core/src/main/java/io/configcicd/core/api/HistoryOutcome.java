package io.configcicd.core.api;

import io.configcicd.core.history.HistoryEntry;
import java.util.List;

/**
 * The history {@link HistoryService#history} found, newest first, masked. Render the entries with
 * {@code io.configcicd.core.report.HistoryReports}.
 *
 * @param entries the commits that changed the configuration, or outside git its backups
 * @param git     whether the entries are git commits (false: the directory is not in a git work tree, and they are
 *                its backups)
 * @param notes   what the user should know about the entries (outside git; a history cut off by a shallow clone),
 *                without the {@code note: } a terminal puts before them; the same texts went to the workspace's
 *                events as {@link io.configcicd.core.event.Event.Warning}s
 */
public record HistoryOutcome(List<HistoryEntry> entries, boolean git, List<String> notes) {

    public HistoryOutcome {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }
}
