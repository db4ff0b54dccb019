package io.configcicd.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A path into a configuration tree: dotted keys with optional list indexes, {@code kgot.reasoning_depth},
 * {@code services.manager_agent.port}, {@code alita.environment_manager.supported_languages[0]}.
 * A key that holds a dot or a bracket is written in double quotes: {@code labels."app.kubernetes.io/name"}.
 * The empty path {@code ""} is the root.
 */
public final class ConfigPath implements Comparable<ConfigPath> {

    /** One step: a key of a mapping or an index of a list. */
    public sealed interface Segment permits Key, Index {
    }

    public record Key(String name) implements Segment {
        public Key {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return needsQuotes(name) ? '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : name;
        }
    }

    public record Index(int index) implements Segment {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    private static final ConfigPath ROOT = new ConfigPath(List.of());

    private final List<Segment> segments;
    /** The dotted form, rendered when first asked for: most paths built while walking a tree are never printed. */
    private String text;
    private int hash;

    private ConfigPath(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** A path over a list that nobody else holds (no copy). */
    private ConfigPath(Segment[] segments) {
        this.segments = Collections.unmodifiableList(Arrays.asList(segments));
    }

    public static ConfigPath root() {
        return ROOT;
    }

    public static ConfigPath of(List<Segment> segments) {
        return segments.isEmpty() ? ROOT : new ConfigPath(segments);
    }

    /** A path of plain keys, none of them parsed: {@code ofKeys("a.b")} is one key named "a.b". */
    public static ConfigPath ofKeys(String... keys) {
        List<Segment> s = new ArrayList<>(keys.length);
        for (String k : keys) {
            s.add(new Key(k));
        }
        return of(s);
    }

    /**
     * Parses the dotted form.
     *
     * @throws IllegalArgumentException with the position of the problem when the text is not a path
     */
    public static ConfigPath parse(String text) {
        Objects.requireNonNull(text, "path");
        if (text.isEmpty()) {
            return ROOT;
        }
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean expectKey = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw bad(text, i, "'[' is not closed");
                }
                String digits = text.substring(i + 1, close);
                if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
                    throw bad(text, i, "a list index is a number, as in [0]");
                }
                out.add(new Index(Integer.parseInt(digits)));
                i = close + 1;
                expectKey = false;
            } else if (c == '.') {
                if (expectKey) {
                    throw bad(text, i, "empty key");
                }
                i++;
                expectKey = true;
                if (i == n) {
                    throw bad(text, i, "path ends with '.'");
                }
            } else {
                if (!expectKey) {
                    throw bad(text, i, "expected '.' or '[' between keys");
                }
                StringBuilder key = new StringBuilder();
                if (c == '"') {
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char q = text.charAt(i++);
                        if (q == '\\' && i < n) {
                            key.append(text.charAt(i++));
                        } else if (q == '"') {
                            closed = true;
                            break;
                        } else {
                            key.append(q);
                        }
                    }
                    if (!closed) {
                        throw bad(text, n, "quoted key is not closed");
                    }
                } else {
                    while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
                        key.append(text.charAt(i++));
                    }
                }
                out.add(new Key(key.toString()));
                expectKey = false;
            }
        }
        return of(out);
    }

    private static IllegalArgumentException bad(String text, int pos, String why) {
        return new IllegalArgumentException("invalid path '" + text + "' at character " + (pos + 1) + ": " + why);
    }

    static boolean needsQuotes(String key) {
        if (key.isEmpty()) {
            return true;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '[' || c == ']' || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static String render(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (s instanceof Key && sb.length() > 0) {
                sb.append('.');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    public List<Segment> segments() {
        return segments;
    }

    public int size() {
        return segments.size();
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public Segment last() {
        return segments.get(segments.size() - 1);
    }

    public ConfigPath parent() {
        return segments.isEmpty() ? this : of(segments.subList(0, segments.size() - 1));
    }

    public ConfigPath child(String key) {
        return child(new Key(key));
    }

    public ConfigPath child(int index) {
        return child(new Index(index));
    }

    private ConfigPath child(Segment last) {
        Segment[] s = segments.toArray(new Segment[segments.size() + 1]);
        s[segments.size()] = last;
        return new ConfigPath(s);
    }

    public boolean startsWith(ConfigPath prefix) {
        return prefix.segments.size() <= segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    @Override
    public int compareTo(ConfigPath o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = segments.hashCode();
            hash = h;
        }
        return h;
    }

    /** The canonical dotted form; {@code parse(p.toString()).equals(p)}. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = render(segments);
            text = t;
        }
        return t;
    }
}
