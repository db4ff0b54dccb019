package io.configcicd.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** Per segment: the literal parts of a key with a {@code *} inside ({@code db_*}: "db_", ""), else null. */
    private final String[][] keyParts;
    private final boolean[] doubleStar;
    private final boolean[] star;

    private PathGlob(String text, List<ConfigPath.Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
        int n = this.segments.size();
        this.keyParts = new String[n][];
        this.doubleStar = new boolean[n];
        this.star = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (this.segments.get(i) instanceof ConfigPath.Key k) {
                doubleStar[i] = k.name().equals("**");
                star[i] = k.name().equals("*");
                keyParts[i] = isPartial(k.name()) ? k.name().split("\\*", -1) : null;
            }
        }
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
        descend(root, root.origin(), new ArrayList<>(), 0, out);
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

    /**
     * Walks {@code node} at {@code path} (a stack of segments, turned into a {@link ConfigPath} only for a match);
     * {@code keyOrigin} is where the node's key was written, the origin of a matched mapping or list.
     */
    private void descend(ConfigNode node, Origin keyOrigin, List<ConfigPath.Segment> path, int gi,
                         Map<ConfigPath, Match> out) {
        if (gi == segments.size()) {
            ConfigPath p = ConfigPath.of(path);
            out.putIfAbsent(p, new Match(p, node, node instanceof ConfigMap || node instanceof ConfigList
                    ? keyOrigin : node.origin()));
            return;
        }
        if (doubleStar[gi]) {
            descend(node, keyOrigin, path, gi + 1, out);
        }
        if (node instanceof ConfigMap m) {
            for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
                ConfigPath.Segment key = new ConfigPath.Key(e.getKey());
                if (doubleStar[gi] || segmentMatches(gi, key)) {
                    path.add(key);
                    descend(e.getValue(), m.keyOrigin(e.getKey()), path, doubleStar[gi] ? gi : gi + 1, out);
                    path.remove(path.size() - 1);
                }
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                ConfigPath.Segment index = new ConfigPath.Index(i);
                if (doubleStar[gi] || segmentMatches(gi, index)) {
                    path.add(index);
                    descend(l.get(i), l.get(i).origin(), path, doubleStar[gi] ? gi : gi + 1, out);
                    path.remove(path.size() - 1);
                }
            }
        }
    }

    private boolean isDoubleStar(int gi) {
        return doubleStar[gi];
    }

    private boolean segmentMatches(int gi, ConfigPath.Segment actual) {
        if (star[gi]) {
            return true;
        }
        if (keyParts[gi] != null) {
            return actual instanceof ConfigPath.Key a && wildcard(keyParts[gi], a.name());
        }
        return segments.get(gi).equals(actual);
    }

    /** Whether {@code text} is the parts joined by any characters: {@code ["db_", ""]} matches {@code db_host}. */
    private static boolean wildcard(String[] parts, String text) {
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (!text.startsWith(first) || text.length() < first.length() + last.length() || !text.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = text.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = text.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > end) {
                return false;
            }
            at = found + parts[i].length();
        }
        return true;
    }

    private static boolean isPartial(String key) {
        return key.contains("*") && !key.equals("*") && !key.equals("**");
    }

    @Override
    public String toString() {
        return text;
    }
}
