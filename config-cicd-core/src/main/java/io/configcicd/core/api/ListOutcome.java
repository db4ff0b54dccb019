package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ReadService#list} found: each configuration of the scope with the files it is made of (relative to the
 * configuration directory, in merge order), and notes about files of the directory that cannot be used as they are
 * ({@code "environments/x y.yaml: ... (hint)"}), for the front end to show beside the list.
 */
public record ListOutcome(Scope scope, List<Entry> entries, List<String> notes) {

    /** One configuration: its name (the environment) and the files it is merged from. */
    public record Entry(String name, List<String> files) {
        public Entry {
            Objects.requireNonNull(name, "name");
            files = List.copyOf(files);
        }
    }

    public ListOutcome {
        Objects.requireNonNull(scope, "scope");
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /** The names, in order. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }
}
