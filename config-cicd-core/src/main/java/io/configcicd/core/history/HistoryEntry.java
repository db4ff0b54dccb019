package io.configcicd.core.history;

import io.configcicd.core.diff.Change;
import io.configcicd.core.diff.DiffSummary;
import io.configcicd.core.security.OutputMasker;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One commit in the history of a configuration, with its key-level changes to that configuration.
 *
 * @param commitId the full commit id
 * @param shortId  an abbreviation of it that is unique in the repository
 * @param author   the author's name
 * @param email    the author's e-mail address
 * @param time     when the author made the change (author date, as {@code git log} shows it)
 * @param message  the first line of the commit message
 * @param changes  the key-level changes from the first parent (empty parent for the root commit), sorted by path;
 *                 empty where the history is cut off
 * @param historyCutOff whether the history is cut off at this commit: it is the boundary of a shallow clone, its
 *                 parents were not fetched, so what it changed and everything before it are unknown (it is listed
 *                 because it holds the configuration's files)
 */
public record HistoryEntry(String commitId, String shortId, String author, String email, Instant time, String message,
                           List<Change> changes, boolean historyCutOff) {

    public HistoryEntry {
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(shortId, "shortId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
        changes = List.copyOf(changes);
    }

    /** This entry with its commit message and the values of its changes masked by {@code masker}. */
    public HistoryEntry maskedWith(OutputMasker masker) {
        List<Change> masked = changes.stream().map(c -> c.isSecret() ? c : c.maskedWith(masker)).toList();
        return new HistoryEntry(commitId, shortId, author, email, time, masker.mask(message), masked, historyCutOff);
    }

    /** Counts of {@link #changes()}. */
    public DiffSummary summary() {
        return DiffSummary.of(changes);
    }
}
