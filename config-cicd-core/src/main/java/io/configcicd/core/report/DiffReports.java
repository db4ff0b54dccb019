package io.configcicd.core.report;

import io.configcicd.core.diff.Change;
import io.configcicd.core.diff.DiffSummary;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Scope;
import io.configcicd.core.report.RepositoryPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Key-level changes as text lines and as structures, for {@code diff} and (per commit) {@code history}. Secrets show
 * a status only (the changes are masked before they get here); files are named relative to the repository root.
 */
public final class DiffReports {

    private DiffReports() {
    }

    /** A diff from {@code from} to {@code to} as json and yaml write it: scope, name, from, to, summary, changes. */
    public static Map<String, Object> structure(Scope scope, String name, String from, String to, List<Change> changes,
                                                RepositoryPaths paths) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scope", scope.name().toLowerCase(Locale.ROOT));
        json.put("name", name);
        json.put("from", from);
        json.put("to", to);
        json.put("summary", summary(DiffSummary.of(changes)));
        json.put("changes", changes(changes, paths));
        return json;
    }

    /** The same as text: {@code from A to B: <summary>}, then one {@link #line} per change. */
    public static String text(String from, String to, List<Change> changes, RepositoryPaths paths) {
        StringBuilder sb = new StringBuilder("from " + from + " to " + to + ": ");
        if (changes.isEmpty()) {
            return sb.append("no differences\n").toString();
        }
        sb.append(DiffSummary.of(changes)).append('\n');
        changes.forEach(c -> sb.append(line(c, paths)).append('\n'));
        return sb.toString();
    }

    /**
     * {@code ~ kgot.reasoning_depth: 3 -> 4  (configuration/global/base.yaml:15:20 ->
     * configuration/environments/production.yaml:6:20)}.
     */
    public static String line(Change c, RepositoryPaths paths) {
        StringBuilder sb = new StringBuilder(c.type().sign()).append(' ').append(c.path()).append(": ");
        if (c.secret().isPresent() && c.before().isEmpty() && c.after().isEmpty()) {
            sb.append("secret ").append(c.secret().get().name().toLowerCase(Locale.ROOT));
        } else {
            switch (c.type()) {
                case ADDED -> sb.append(ValueText.inline(c.after().orElseThrow()));
                case REMOVED -> sb.append(ValueText.inline(c.before().orElseThrow()));
                case MODIFIED -> sb.append(ValueText.inline(c.before().orElseThrow())).append(" -> ")
                        .append(ValueText.inline(c.after().orElseThrow()));
            }
        }
        String from = c.beforeOrigin().filter(Origin::isKnown).map(paths::origin).orElse("");
        String to = c.afterOrigin().filter(Origin::isKnown).map(paths::origin).orElse("");
        if (!from.isEmpty() || !to.isEmpty()) {
            sb.append("  (").append(from.isEmpty() ? to : to.isEmpty() ? from : from + " -> " + to).append(')');
        }
        return sb.toString();
    }

    /** Each change as {@code path, type, old, new, secret, old_origin, new_origin}. */
    public static List<Map<String, Object>> changes(List<Change> changes, RepositoryPaths paths) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Change c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", c.path().toString());
            m.put("type", c.type().word());
            m.put("old", c.before().map(ValueText::plain).orElse(null));
            m.put("new", c.after().map(ValueText::plain).orElse(null));
            m.put("secret", c.secret().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null));
            m.put("old_origin", c.beforeOrigin().map(o -> ValueText.origin(o, paths)).orElse(null));
            m.put("new_origin", c.afterOrigin().map(o -> ValueText.origin(o, paths)).orElse(null));
            out.add(m);
        }
        return out;
    }

    /** The counts of a diff: added, removed, modified, secrets, sections. */
    public static Map<String, Object> summary(DiffSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", s.added());
        m.put("removed", s.removed());
        m.put("modified", s.modified());
        m.put("secrets", s.secrets());
        m.put("sections", s.sections());
        return m;
    }
}
