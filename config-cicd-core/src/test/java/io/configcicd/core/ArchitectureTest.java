package io.configcicd.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE §1, checked on the compiled classes with the JDK's {@code jdeps} (so a fully qualified
 * name or a reflective-free use counts as much as an import): no package cycle in the core, nothing below {@code api}
 * imports it, every package imports only the layers before it, and the front ends (CLI, Maven plugin, action) reach the
 * core only through {@code api}, {@code model}, {@code report} and the exception types.
 */
class ArchitectureTest {

    /**
     * The core's packages, bottom first: each may depend only on those before it. A package {@code p.*} stands for
     * every subpackage of p not listed on its own. docs/architecture.md draws the same list.
     */
    static final List<String> LAYERS = List.of(
            "model", "", // io.configcicd.core itself: the exception types, which carry model.Origin
            "load", "load.yaml.parser", "load.yaml", "load.json", "load.toml",
            "merge",
            "repo.git", "repo.edit", "repo",
            "security.crypto", "security", "security.access", "security.audit", "security.external",
            "source",
            "validate", "validate.rules", "validate.policy", "validate.schema", "validate.suite",
            "diff", "impact", "history",
            "event",
            "store", "store.*",
            "deploy.probe", "deploy", "deploy.*",
            "watch", "runtime",
            "report",
            "api");

    /**
     * What a front end may use of the core: the front door, the values, the reports, the exception types, the progress
     * events it renders and passes a sink for ({@code event}); and the
     * one masker that every byte a front end writes passes through ({@code Workspace#masker()}), which the report
     * writers take too: a front end must hold it before it prints anything.
     */
    static final Pattern FRONT_END_ALLOWED = Pattern.compile(
            "io\\.configcicd\\.core\\.(api|model|report|event)\\.[A-Z]\\w*"
                    + "|io\\.configcicd\\.core\\.(ConfigCicdException|ErrorKind)"
                    + "|io\\.configcicd\\.core\\.security\\.OutputMasker"
                    + "|io\\.configcicd\\.core\\.security\\.access\\.AccessDeniedException"
                    + "|io\\.configcicd\\.core\\.store\\.StoreException");

    private static final String CORE = "io.configcicd.core";
    private static Map<String, Set<String>> edges;

    @BeforeAll
    static void readDependencies() {
        edges = jdeps(Path.of("target/classes"));
    }

    @Test
    void theCoreHasNoPackageCycle() {
        assertThat(cycles(edges)).as("package cycles in the core (jdeps -verbose:package)").isEmpty();
    }

    @Test
    void nothingInTheCoreImportsApi() {
        List<String> offenders = new ArrayList<>();
        edges.forEach((from, tos) -> {
            if (!from.equals(CORE + ".api") && tos.contains(CORE + ".api")) {
                offenders.add(from);
            }
        });
        assertThat(offenders).as("core packages that use io.configcicd.core.api").isEmpty();
    }

    @Test
    void everyPackageUsesOnlyTheLayersBeforeIt() {
        List<String> violations = new ArrayList<>();
        edges.forEach((from, tos) -> {
            int rank = rank(from).orElse(-1);
            if (rank < 0) {
                violations.add(from + " is in no layer: add it to ArchitectureTest.LAYERS and docs/architecture.md");
                return;
            }
            for (String to : tos) {
                int target = rank(to).orElse(Integer.MAX_VALUE);
                if (target >= rank && !to.equals(from)) {
                    violations.add(from + " -> " + to);
                }
            }
        });
        assertThat(violations).as("dependencies against the layer order of ARCHITECTURE §1").isEmpty();
    }

    @Test
    void frontEndsUseOnlyApiModelReportAndTheExceptionTypes() throws IOException {
        Pattern reference = Pattern.compile("io\\.configcicd\\.core(\\.[a-z]\\w*)*\\.[A-Z]\\w*");
        List<String> violations = new ArrayList<>();
        for (String module : List.of("config-cli", "config-maven-plugin", "github-action")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources).as("front end sources of " + module).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    Matcher m = reference.matcher(text);
                    while (m.find()) {
                        if (!FRONT_END_ALLOWED.matcher(m.group()).matches()) {
                            violations.add(module + "/" + sources.relativize(file) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(violations).as("core types a front end reaches past api, model and report").isEmpty();
    }

    @Test
    void theCheckSeesACycleAndALayerViolation() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put(CORE + ".report", Set.of(CORE + ".impact"));
        g.put(CORE + ".impact", Set.of(CORE + ".api"));
        g.put(CORE + ".api", Set.of(CORE + ".report"));
        assertThat(cycles(g)).containsExactly(List.of(CORE + ".api", CORE + ".impact", CORE + ".report"));
        assertThat(rank(CORE + ".impact").orElseThrow()).isLessThan(rank(CORE + ".api").orElseThrow());
        assertThat(rank(CORE + ".store.file").orElseThrow()).isEqualTo(rank(CORE + ".store").orElseThrow() + 1);
        assertThat(FRONT_END_ALLOWED.matcher(CORE + ".security.SecretMasker").matches()).isFalse();
        assertThat(FRONT_END_ALLOWED.matcher(CORE + ".security.OutputMasker").matches()).isTrue();
        assertThat(FRONT_END_ALLOWED.matcher(CORE + ".api.Workspace").matches()).isTrue();
    }

    /** The position of a core package in {@link #LAYERS}; empty for a package in no layer. */
    static Optional<Integer> rank(String pkg) {
        if (!pkg.equals(CORE) && !pkg.startsWith(CORE + ".")) {
            return Optional.empty();
        }
        String rel = pkg.equals(CORE) ? "" : pkg.substring(CORE.length() + 1);
        int exact = LAYERS.indexOf(rel);
        if (exact >= 0) {
            return Optional.of(exact);
        }
        for (int i = LAYERS.size() - 1; i >= 0; i--) {
            String l = LAYERS.get(i);
            if (l.endsWith(".*") && rel.startsWith(l.substring(0, l.length() - 1))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Package-to-package dependencies among io.configcicd packages of a class directory, as jdeps reads them. */
    static Map<String, Set<String>> jdeps(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-e", "io\\.configcicd\\..*",
                classes.toString());
        assertThat(rc).as("jdeps: " + err).isZero();
        Map<String, Set<String>> g = new TreeMap<>();
        Pattern line = Pattern.compile("^\\s+(io\\.configcicd\\S*)\\s+->\\s+(io\\.configcicd\\S*)\\s");
        for (String l : out.toString().split("\\R")) {
            Matcher m = line.matcher(l + " ");
            if (m.find()) {
                g.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertThat(g).as("jdeps found no dependency at all in " + classes).isNotEmpty();
        return g;
    }

    /** The strongly connected components of more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> g) {
        return new Tarjan(g).run();
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> g;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> out = new ArrayList<>();
        private int next;

        Tarjan(Map<String, Set<String>> g) {
            this.g = g;
        }

        List<List<String>> run() {
            for (String v : g.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return out;
        }

        private void visit(String v) {
            index.put(v, next);
            low.put(v, next++);
            stack.add(v);
            onStack.add(v);
            for (String w : g.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    component.sort(null);
                    out.add(List.copyOf(component));
                }
            }
        }
    }
}
