package io.configcicd.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A pattern over dotted configuration paths: {@code *} stands for one segment (a key or a list index),
 * {@code **} for any number of segments (none included), and {@code *} inside a key for any characters of it
 * ({@code db_*}). {@code services.*.port}, {@code models.default_models.*}, {@code **.enabled},
 * {@code alita.environment_manager.supported_languages[0]}. Keys holding dots are written in double quotes.
 */
public final class PathGlob {

    /** A value the glob found: its path, the node, and where it was written. */
    public record Match(ConfigPath path, ConfigNode node, Origin origin) {
    }

    private final String text;
    private final List<ConfigPath.Segment> segments;
    private final List<Pattern> keyPatterns;

    private PathGlob(String text, List<ConfigPath.Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
        List<Pattern> patterns = new ArrayList<>();
        for (ConfigPath.Segment s : this.segments) {
            patterns.add(s instanceof ConfigPath.Key k && isPartial(k.name()) ? keyPattern(k.name()) : null);
        }
        this.keyPatterns = patterns;
    }

    /**
     * Parses a glob.
     *
     * @throws IllegalArgumentException when the text is not a path
     */
    public static PathGlob parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        return new PathGlob(text, ConfigPath.parse(text.trim()).segments());
    }

    public List<ConfigPath.Segment> segments() {
        return segments;
    }

    /** True when some segment is {@code *}, {@code **} or holds a {@code *}. */
    public boolean hasWildcard() {
        return segments.stream().anyMatch(s -> s instanceof ConfigPath.Key k && k.name().contains("*"));
    }

    /** The glob made of the first {@code n} segments. */
    public PathGlob prefix(int n) {
        List<ConfigPath.Segment> s = segments.subList(0, n);
        return new PathGlob(ConfigPath.of(s).toString(), s);
    }

    /** Every value under {@code root} whose path matches, in document order, each path once. */
    public List<Match> find(ConfigNode root) {
        Map<ConfigPath, Match> out = new LinkedHashMap<>();
        descend(root, ConfigPath.root(), root.origin(), 0, out);
        return List.copyOf(out.values());
    }

    /** Whether a concrete path matches this glob. */
    public boolean matches(ConfigPath path) {
        return matchesFrom(path.segments(), 0, 0);
    }

    private boolean matchesFrom(List<ConfigPath.Segment> path, int pi, int gi) {
        if (gi == segments.size()) {
            return pi == path.size();
        }
        if (isDoubleStar(gi)) {
            for (int skip = pi; skip <= path.size(); skip++) {
                if (matchesFrom(path, skip, gi + 1)) {
                    return true;
                }
            }
            return false;
        }
        return pi < path.size() && segmentMatches(gi, path.get(pi)) && matchesFrom(path, pi + 1, gi + 1);
    }

    private void descend(ConfigNode node, ConfigPath path, Origin origin, int gi, Map<ConfigPath, Match> out) {
        if (gi == segments.size()) {
            out.putIfAbsent(path, new Match(path, node, node instanceof ConfigMap || node instanceof ConfigList
                    ? origin : node.origin()));
            return;
        }
        if (isDoubleStar(gi)) {
            descend(node, path, origin, gi + 1, out);
            forEachChild(node, path, (childPath, child, childOrigin) -> descend(child, childPath, childOrigin, gi, out));
            return;
        }
        forEachChild(node, path, (childPath, child, childOrigin) -> {
            if (segmentMatches(gi, childPath.last())) {
                descend(child, childPath, childOrigin, gi + 1, out);
            }
        });
    }

    private interface ChildVisitor {
        void visit(ConfigPath path, ConfigNode node, Origin origin);
    }

    private static void forEachChild(ConfigNode node, ConfigPath path, ChildVisitor visitor) {
        if (node instanceof ConfigMap m) {
            m.entries().forEach((k, v) -> visitor.visit(path.child(k), v, m.keyOrigin(k)));
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                visitor.visit(path.child(i), l.get(i), l.get(i).origin());
            }
        }
    }

    private boolean isDoubleStar(int gi) {
        return segments.get(gi) instanceof ConfigPath.Key k && k.name().equals("**");
    }

    private boolean segmentMatches(int gi, ConfigPath.Segment actual) {
        ConfigPath.Segment want = segments.get(gi);
        if (want instanceof ConfigPath.Key k && k.name().equals("*")) {
            return true;
        }
        if (keyPatterns.get(gi) != null) {
            return actual instanceof ConfigPath.Key a && keyPatterns.get(gi).matcher(a.name()).matches();
        }
        return want.equals(actual);
    }

    private static boolean isPartial(String key) {
        return key.contains("*") && !key.equals("*") && !key.equals("**");
    }

    private static Pattern keyPattern(String key) {
        List<String> parts = new ArrayList<>();
        for (String part : key.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts));
    }

    @Override
    public String toString() {
        return text;
    }
}
