package io.configcicd.core.load.toml;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where things are in the text of a parsed document, for in-place editing. Offsets are character indexes
 * into the decoded text; every span is [start, end). Paths are concrete: they hold indexes into arrays of
 * tables and static arrays.
 */
final class TomlSpans {

    /**
     * A value. For a key/value pair written directly in a section ({@code keyval}), {@code lineStart} and
     * {@code lineEnd} cover the whole pair from the start of its line to after its line end (comment included);
     * for values nested in arrays or inline tables they equal the value span.
     */
    record Value(ConfigPath path, ConfigPath section, int keyStart, int valueStart, int valueEnd, int lineStart,
                 int lineEnd, boolean keyval) {
    }

    /**
     * A section: the root (before the first header) or a [table] / [[table]] header and the lines after it up
     * to the next header. {@code contentEnd} is the end of its last key/value line (or of the header line).
     */
    record Section(ConfigPath path, boolean arrayElement, int start, int headerEnd, int end, int contentEnd) {
    }

    final List<Value> values = new ArrayList<>();
    final List<Section> sections = new ArrayList<>();
    final Set<ConfigPath> arraysOfTables = new HashSet<>();
    ConfigMap root;

    Optional<Value> value(ConfigPath path) {
        return values.stream().filter(v -> v.path().equals(path)).findFirst();
    }

    Optional<Section> section(ConfigPath path) {
        return sections.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /** The array of tables that the path goes through or names, if any. */
    Optional<ConfigPath> arrayOfTablesOn(ConfigPath path) {
        return arraysOfTables.stream().filter(path::startsWith).findFirst();
    }

    /** Top-level key/value pairs whose key path starts with the given path. */
    List<Value> keyvalsUnder(ConfigPath path) {
        return values.stream().filter(v -> v.keyval() && v.path().startsWith(path)).toList();
    }

    /** Sections (other than the root) whose path starts with the given path. */
    List<Section> sectionsUnder(ConfigPath path) {
        return sections.stream().filter(s -> !s.path().isRoot() && s.path().startsWith(path)).toList();
    }
}
