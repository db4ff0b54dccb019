package io.configcicd.core.api;

import io.configcicd.core.diff.ConfigDiff;
import io.configcicd.core.event.Event;
import io.configcicd.core.history.BackupHistory;
import io.configcicd.core.history.ConfigHistory;
import io.configcicd.core.history.HistoryEntry;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.git.GitRevisions;
import io.configcicd.core.repo.git.GitWorkTrees;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.Permission;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code history}: the changes of a configuration, newest first, each with its key-level changes (effective keys for
 * scope global). In a git work tree they are the commits that changed it (author, date, message); elsewhere they are
 * its backups ({@code config-cicd backup}), and a note says so. A shallow clone's cut-off commit gets a note too.
 *
 * <p>Access: READ on the environment ({@code history}).
 */
public final class HistoryService {

    /**
     * Lists the history the request asks for.
     *
     * @throws io.configcicd.core.ConfigCicdException bad input (an unknown environment); access denied; external
     *         when git fails
     */
    public HistoryOutcome history(Workspace ws, HistoryRequest request) {
        ws.governance().require(Permission.READ, request.name(), "history");
        ConfigDirectory dir = ws.configDirectory();
        Path root = dir.root();
        boolean git = GitWorkTrees.workTreeOf(root).isPresent();
        List<HistoryEntry> entries = git
                ? new ConfigHistory(dir.settings().secretKeys(), ConfigDiff.defaultFingerprint())
                        .history(root, request.scope(), request.name(), request.limit())
                : new BackupHistory().history(root, request.scope(), request.name(),
                        new SecretMasker(dir.settings().secretKeys()), request.limit());
        List<String> notes = new ArrayList<>();
        if (!git) {
            notes.add(root + " is not in a git repository: this history is its backups (config-cicd backup); "
                    + "commits, authors and messages need git");
        }
        entries.stream().filter(HistoryEntry::historyCutOff).forEach(e -> notes.add("the history is cut off at "
                + e.shortId() + ": this is a shallow clone and its parents were not fetched, so what " + e.shortId()
                + " changed and every older change are unknown; " + GitRevisions.FETCH_HISTORY));
        notes.forEach(n -> ws.events().accept(new Event.Warning(ws.clock().instant(), "history", n, Origin.UNKNOWN)));
        return new HistoryOutcome(entries, git, notes);
    }
}
