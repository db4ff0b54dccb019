package io.configcicd.cli;

import io.configcicd.core.diff.Change;
import io.configcicd.core.diff.DiffSummary;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.git.RepositoryPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key-level changes as text lines and as structures, shared by {@code diff} and {@code history}. Secrets show a status
 * only; files are named relative to the repository root.
 */
final class Changes {

    private final RepositoryPaths paths;

    Changes(RepositoryPaths paths) {
        this.paths = paths;
    }

    /**
     * {@code ~ kgot.reasoning_depth: 3 -> 4  (configuration/global/base.yaml:15:20 ->
     * configuration/environments/production.yaml:6:20)}.
     */
    String line(Change c) {
        StringBuilder sb = new StringBuilder(c.type().sign()).append(' ').append(c.path()).append(": ");
        if (c.secret().isPresent() && c.before().isEmpty() && c.after().isEmpty()) {
            sb.append("secret ").append(c.secret().get().name().toLowerCase(java.util.Locale.ROOT));
        } else {
            switch (c.type()) {
                case ADDED -> sb.append(Output.inline(c.after().orElseThrow()));
                case REMOVED -> sb.append(Output.inline(c.before().orElseThrow()));
                case MODIFIED -> sb.append(Output.inline(c.before().orElseThrow())).append(" -> ")
                        .append(Output.inline(c.after().orElseThrow()));
            }
        }
        String from = c.beforeOrigin().filter(Origin::isKnown).map(paths::origin).orElse("");
        String to = c.afterOrigin().filter(Origin::isKnown).map(paths::origin).orElse("");
        if (!from.isEmpty() || !to.isEmpty()) {
            sb.append("  (").append(from.isEmpty() ? to : to.isEmpty() ? from : from + " -> " + to).append(')');
        }
        return sb.toString();
    }

    List<Map<String, Object>> structure(List<Change> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Change c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", c.path().toString());
            m.put("type", c.type().word());
            m.put("old", c.before().map(Output::plain).orElse(null));
            m.put("new", c.after().map(Output::plain).orElse(null));
            m.put("secret", c.secret().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
            m.put("old_origin", c.beforeOrigin().map(o -> Output.origin(o, paths)).orElse(null));
            m.put("new_origin", c.afterOrigin().map(o -> Output.origin(o, paths)).orElse(null));
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> summary(DiffSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", s.added());
        m.put("removed", s.removed());
        m.put("modified", s.modified());
        m.put("secrets", s.secrets());
        m.put("sections", s.sections());
        return m;
    }
}
