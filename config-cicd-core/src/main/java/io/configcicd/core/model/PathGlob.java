package io.configcicd.core.model;

import java.util.ArrayList;
import java.util.Arrays;
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
        return findEach(List.of(this), root).get(0);
    }

    /**
     * What each of several globs finds under {@code root}, in one walk of the tree instead of one per glob: the
     * list at index i holds the matches of {@code globs.get(i)} in document order, as {@link #find} returns them.
     * A subtree where no glob can match any more is not entered.
     */
    public static List<List<Match>> findEach(List<PathGlob> globs, ConfigNode root) {
        List<Map<ConfigPath, Match>> out = new ArrayList<>(globs.size());
        int[] start = new int[globs.size()];
        for (int g = 0; g < globs.size(); g++) {
            out.add(new LinkedHashMap<>());
            start[g] = state(g, 0);
        }
        walk(globs, root, root.origin(), new ArrayList<>(), start, out);
        List<List<Match>> lists = new ArrayList<>(out.size());
        out.forEach(m -> lists.add(List.copyOf(m.values())));
        return lists;
    }

    private static int state(int glob, int position) {
        return glob << 16 | position;
    }

    /** One node of {@link #findEach}: {@code states} are the (glob, position) pairs that reach it. */
    private static void walk(List<PathGlob> globs, ConfigNode node, Origin keyOrigin, List<ConfigPath.Segment> path,
                             int[] states, List<Map<ConfigPath, Match>> out) {
        int[] closure = closure(globs, states);
        ConfigPath here = null;
        for (int st : closure) {
            PathGlob glob = globs.get(st >>> 16);
            if ((st & 0xFFFF) == glob.segments.size()) {
                here = here == null ? ConfigPath.of(path) : here;
                out.get(st >>> 16).putIfAbsent(here, new Match(here, node,
                        node instanceof ConfigMap || node instanceof ConfigList ? keyOrigin : node.origin()));
            }
        }
        if (node instanceof ConfigMap m) {
            for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
                ConfigPath.Segment key = new ConfigPath.Key(e.getKey());
                int[] next = advance(globs, closure, key);
                if (next.length > 0) {
                    path.add(key);
                    walk(globs, e.getValue(), m.keyOrigin(e.getKey()), path, next, out);
                    path.remove(path.size() - 1);
                }
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                ConfigPath.Segment index = new ConfigPath.Index(i);
                int[] next = advance(globs, closure, index);
                if (next.length > 0) {
                    path.add(index);
                    walk(globs, l.get(i), l.get(i).origin(), path, next, out);
                    path.remove(path.size() - 1);
                }
            }
        }
    }

    /** The states plus, for each {@code **} reached, the state after it (a {@code **} may match no segment). */
    private static int[] closure(List<PathGlob> globs, int[] states) {
        int[] out = new int[states.length * 2 + 4];
        int n = 0;
        for (int st : states) {
            int g = st >>> 16;
            PathGlob glob = globs.get(g);
            for (int i = st & 0xFFFF; ; i++) {
                int reached = state(g, i);
                if (!contains(out, n, reached)) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = reached;
                }
                if (i >= glob.segments.size() || !glob.doubleStar[i]) {
                    break;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The states a child with segment {@code segment} is reached in. */
    private static int[] advance(List<PathGlob> globs, int[] closure, ConfigPath.Segment segment) {
        int[] out = new int[closure.length];
        int n = 0;
        for (int st : closure) {
            PathGlob glob = globs.get(st >>> 16);
            int i = st & 0xFFFF;
            if (i >= glob.segments.size()) {
                continue;
            }
            int next = glob.doubleStar[i] ? st : glob.segmentMatches(i, segment) ? st + 1 : -1;
            if (next >= 0 && !contains(out, n, next)) {
                out[n++] = next;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static boolean contains(int[] array, int n, int value) {
        for (int i = 0; i < n; i++) {
            if (array[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Whether a concrete path matches this glob. */
    public boolean matches(ConfigPath path) {
        return matchesFrom(path.segments(), 0, 0);
    }

    private boolean matchesFrom(List<ConfigPath.Segment> path, int pi, int gi) {
        if (gi == segments.size()) {
            return pi == path.size();
        }
        if (doubleStar[gi]) {
            for (int skip = pi; skip <= path.size(); skip++) {
                if (matchesFrom(path, skip, gi + 1)) {
                    return true;
                }
            }
            return false;
        }
        return pi < path.size() && segmentMatches(gi, path.get(pi)) && matchesFrom(path, pi + 1, gi + 1);
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
