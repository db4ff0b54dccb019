package io.configcicd.core.report;


import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one model every report format is written from: which tool and command produced it, where the
 * configuration directory sits in the repository ({@code pathPrefix}, for example {@code "configuration/"}),
 * the environments that were checked and the findings, sorted by file, line, column and rule. A finding that
 * several environments share (a plaintext secret in {@code global/base.yaml} is one in every environment) is
 * reported once, naming them all ({@link Finding#environments()}).
 */
public record Report(String tool, String version, String command, String pathPrefix, List<String> environments,
                     List<Finding> findings) {

    /** The name every report carries. */
    public static final String TOOL = "config-cicd";

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.origin().file())
            .thenComparingInt(f -> f.origin().line())
            .thenComparingInt(f -> f.origin().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::environment)
            .thenComparing(f -> f.path().toString())
            .thenComparing(Finding::message);

    public Report {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(command, "command");
        pathPrefix = normalizePrefix(Objects.requireNonNull(pathPrefix, "pathPrefix"));
        environments = List.copyOf(environments);
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.forEach(f -> Objects.requireNonNull(f, "finding"));
        sorted.sort(ORDER);
        findings = List.copyOf(onceForAllEnvironments(sorted));
    }

    /** Sorted findings with those that differ only in their environment merged into the first of them. */
    private static List<Finding> onceForAllEnvironments(List<Finding> sorted) {
        List<Finding> out = new ArrayList<>(sorted.size());
        Map<Finding, Integer> at = new HashMap<>();
        for (Finding f : sorted) {
            Finding key = new Finding(f.ruleId(), f.severity(), "", f.path(), f.origin(), f.message(), f.fix());
            Integer i = at.putIfAbsent(key, out.size());
            if (i == null) {
                out.add(f);
            } else {
                out.set(i, out.get(i).alsoIn(f));
            }
        }
        return out;
    }

    /** A report of the tool {@value #TOOL}. */
    public static Report of(String version, String command, String pathPrefix, List<String> environments,
                            List<Finding> findings) {
        return new Report(TOOL, version, command, pathPrefix, environments, findings);
    }

    /** How many findings there are of each severity; every severity is a key, with 0 when there are none. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    public int count(Severity severity) {
        return counts().get(severity);
    }

    /** The most serious severity among the findings; empty when there are none. */
    public Optional<Severity> highest() {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder());
    }

    /**
     * The file of an origin relative to the repository root, with '/' separators
     * ({@code configuration/environments/production.yaml}); empty when the origin names no file.
     */
    public String repositoryPath(Origin origin) {
        return repositoryPath(pathPrefix, origin);
    }

    /** {@link #repositoryPath(Origin)} for a prefix as {@link #pathPrefix()} holds it (normalized, '/' at the end). */
    static String repositoryPath(String pathPrefix, Origin origin) {
        return RepositoryPaths.path(pathPrefix, origin);
    }

    /** The configuration directory relative to the repository root without a trailing '/', or "." for the root. */
    public String configurationDirectory() {
        return pathPrefix.isEmpty() ? "." : pathPrefix.substring(0, pathPrefix.length() - 1);
    }

    /** The checked environments followed by any environment that only the findings name, in first-seen order. */
    public List<String> allEnvironments() {
        Set<String> all = new LinkedHashSet<>(environments);
        findings.forEach(f -> all.addAll(f.environments()));
        return List.copyOf(all);
    }

    /** The findings grouped by repository path, files in sorted order; findings without a file under "". */
    public Map<String, List<Finding>> findingsByFile() {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) {
            byFile.computeIfAbsent(repositoryPath(f.origin()), k -> new ArrayList<>()).add(f);
        }
        byFile.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(byFile);
    }

    private static String normalizePrefix(String prefix) {
        String p = prefix.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.equals(".")) {
            p = "";
        }
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }
}
