package io.configcicd.core.diff;

import io.configcicd.core.security.crypto.SecretChange;
import java.util.List;
import java.util.TreeSet;

/**
 * Counts of a list of changes, for one-line reports and history entries.
 *
 * @param added    keys only after
 * @param removed  keys only before
 * @param modified keys on both sides with different values
 * @param secrets  changes that involve a secret added, removed or rotated
 * @param sections the top-level keys that hold a change, sorted
 */
public record DiffSummary(int added, int removed, int modified, int secrets, List<String> sections) {

    public DiffSummary {
        sections = List.copyOf(sections);
    }

    /** The summary of some changes. */
    public static DiffSummary of(List<Change> changes) {
        int added = 0;
        int removed = 0;
        int modified = 0;
        int secrets = 0;
        TreeSet<String> sections = new TreeSet<>();
        for (Change c : changes) {
            switch (c.type()) {
                case ADDED -> added++;
                case REMOVED -> removed++;
                case MODIFIED -> modified++;
            }
            if (c.secret().isPresent() && c.secret().get() != SecretChange.UNCHANGED) {
                secrets++;
            }
            sections.add(c.section());
        }
        return new DiffSummary(added, removed, modified, secrets, List.copyOf(sections));
    }

    public int total() {
        return added + removed + modified;
    }

    public boolean isEmpty() {
        return total() == 0;
    }

    /** For example {@code +2 -1 ~3 (kgot, services)}. */
    @Override
    public String toString() {
        String s = "+" + added + " -" + removed + " ~" + modified;
        return sections.isEmpty() ? s : s + " (" + String.join(", ", sections) + ")";
    }
}
