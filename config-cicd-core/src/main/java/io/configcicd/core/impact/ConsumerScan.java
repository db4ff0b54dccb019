package io.configcicd.core.impact;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.repo.SettingsEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blast radius of a change: the lines of source code that read a changed key. The settings list source globs
 * relative to the repository root; every line of every matching file is searched for string literals that name a
 * changed key by its dotted path or by its last two or more segments (a one-segment key by its name), so
 * {@code "kgot.max_iterations"}, {@code config.get("services.web.port")} and {@code @Value("${web.port}")} are
 * found. Literals are found by quotes, which fits Java, Kotlin, Python, JavaScript, Go and YAML alike; a key read
 * through computed strings is not found.
 *
 * <pre>
 * impact:
 *   consumers: ["src/main/**&#47;*.java", "app/**&#47;*.py"]
 *   max_references: 20            # per key (default 20)
 * </pre>
 *
 * <p>A glob {@code a/**&#47;b} also matches {@code a/b}, as in {@code .gitignore}. Files larger than 1 MiB and
 * files with NUL bytes (binaries) are skipped.
 */
public final class ConsumerScan {

    /** The default number of references kept per key. */
    public static final int DEFAULT_MAX_REFERENCES = 20;

    static final int MAX_FILE_BYTES = 1 << 20;

    private static final String EXAMPLE = "impact: {consumers: [\"src/main/**/*.java\"]}";
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|`([^`]*)`");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");

    private final List<String> globs;
    private final List<PathMatcher> matchers;
    private final int maxReferences;

    /**
     * @param globs         source globs relative to the repository root
     * @param maxReferences references kept per key
     */
    public ConsumerScan(List<String> globs, int maxReferences) {
        this.globs = List.copyOf(globs);
        this.maxReferences = maxReferences;
        List<PathMatcher> m = new ArrayList<>();
        for (String g : globs) {
            m.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            if (g.contains("**/")) {
                m.add(FileSystems.getDefault().getPathMatcher("glob:" + g.replace("**/", "")));
            }
        }
        this.matchers = List.copyOf(m);
    }

    /**
     * The scan of a directory's settings ({@code impact:} in {@code config-cicd.yaml}); none when the section
     * lists no consumers.
     *
     * @throws ConfigCicdException bad input at the file:line of a malformed section
     */
    public static ConsumerScan from(Settings settings) {
        ConfigNode node = settings.raw().getOrNull("impact");
        if (node == null || node.isNull()) {
            return none();
        }
        SettingsEntry impact = new SettingsEntry(SettingsEntry.mapping(node, "impact", settings.raw().origin(), EXAMPLE),
                "impact");
        impact.onlyFields(Set.of("consumers", "max_references"));
        List<String> globs = impact.has("consumers") ? impact.nonBlankStrings("consumers", EXAMPLE) : List.of();
        int max = DEFAULT_MAX_REFERENCES;
        if (impact.has("max_references")) {
            ConfigNode n = impact.node("max_references");
            if (!(n.toPlain() instanceof Long l) || l < 1 || l > 10_000) {
                throw impact.wrong("max_references", n, "a whole number from 1 to 10000", "max_references: 20");
            }
            max = (int) (long) (Long) n.toPlain();
        }
        return new ConsumerScan(globs, max);
    }

    /** A scan that finds nothing. */
    public static ConsumerScan none() {
        return new ConsumerScan(List.of(), DEFAULT_MAX_REFERENCES);
    }

    public List<String> globs() {
        return globs;
    }

    /** Whether there is anything to scan. */
    public boolean isEnabled() {
        return !globs.isEmpty();
    }

    /** Whether a file (relative to the repository root, '/' separators) is a consumer source. */
    public boolean matches(String file) {
        Path p = Path.of(file);
        for (PathMatcher m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Searches the files for the keys; returns the references of each key that has any, in the order of
     * {@code keys}, each list in file and line order and at most {@code max_references} long.
     *
     * @param files the source files: path relative to the repository root, and content; called in path order
     */
    public Map<ConfigPath, List<CodeReference>> scan(Collection<ConfigPath> keys, Map<String, byte[]> files) {
        Map<String, Set<ConfigPath>> needles = needles(keys);
        Map<ConfigPath, List<CodeReference>> found = new HashMap<>();
        if (needles.isEmpty()) {
            return Map.of();
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            byte[] bytes = file.getValue();
            if (bytes.length > MAX_FILE_BYTES || isBinary(bytes)) {
                continue;
            }
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r\n|\n|\r", -1);
            for (int i = 0; i < lines.length; i++) {
                for (ConfigPath key : keysIn(lines[i], needles)) {
                    List<CodeReference> refs = found.computeIfAbsent(key, k -> new ArrayList<>());
                    if (refs.size() < maxReferences) {
                        refs.add(new CodeReference(file.getKey(), i + 1, lines[i]));
                    }
                }
            }
        }
        Map<ConfigPath, List<CodeReference>> ordered = new LinkedHashMap<>();
        for (ConfigPath k : keys) {
            List<CodeReference> refs = found.get(k);
            if (refs != null) {
                ordered.put(k, List.copyOf(refs));
            }
        }
        return ordered;
    }

    /** Each name a key is read by: its dotted path and its suffixes of two or more segments. */
    static Map<String, Set<ConfigPath>> needles(Collection<ConfigPath> keys) {
        Map<String, Set<ConfigPath>> out = new HashMap<>();
        for (ConfigPath key : keys) {
            List<String> names = new ArrayList<>();
            for (ConfigPath.Segment s : key.segments()) {
                if (s instanceof ConfigPath.Key k) {
                    names.add(k.name());
                }
            }
            for (int from = 0; from < names.size(); from++) {
                if (from == 0 || names.size() - from >= 2) {
                    out.computeIfAbsent(String.join(".", names.subList(from, names.size())),
                            n -> new LinkedHashSet<>()).add(key);
                }
            }
        }
        return out;
    }

    /** The keys that the string literals of one line name. */
    private static Set<ConfigPath> keysIn(String line, Map<String, Set<ConfigPath>> needles) {
        Set<ConfigPath> out = Set.of();
        if (line.indexOf('"') < 0 && line.indexOf('\'') < 0 && line.indexOf('`') < 0) {
            return out;
        }
        Matcher literal = LITERAL.matcher(line);
        while (literal.find()) {
            String content = literal.group(1) != null ? literal.group(1)
                    : literal.group(2) != null ? literal.group(2) : literal.group(3);
            Matcher dotted = DOTTED.matcher(content);
            while (dotted.find()) {
                String[] parts = dotted.group().split("\\.");
                for (int from = 0; from < parts.length; from++) {
                    StringBuilder name = new StringBuilder();
                    for (int to = from; to < parts.length; to++) {
                        if (to > from) {
                            name.append('.');
                        }
                        name.append(parts[to]);
                        Set<ConfigPath> hit = needles.get(name.toString());
                        if (hit != null) {
                            if (out.isEmpty()) {
                                out = new LinkedHashSet<>();
                            }
                            out.addAll(hit);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean isBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8000);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
