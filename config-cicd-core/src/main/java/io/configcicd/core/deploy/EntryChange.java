package io.configcicd.core.deploy;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry a deploy adds, changes or deletes in a target: its name (the dotted path of a leaf, ARCHITECTURE 3a) and
 * its values before and after, already masked (a secret shows as {@code ******}).
 */
public record EntryChange(String name, Kind kind, Optional<String> before, Optional<String> after) {

    /** What happens to the entry. */
    public enum Kind {
        ADDED, CHANGED, DELETED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public EntryChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
