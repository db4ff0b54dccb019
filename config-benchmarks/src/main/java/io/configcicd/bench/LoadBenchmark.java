package io.configcicd.bench;

import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loading and merging a directory of generated documents (the product's path: read, strict UTF-8, parse
 * with origins and limits, merge, in parallel as the product does) against the peer: Jackson reading the
 * same files into its own trees, file by file, without origins, limits or merge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    @Param("1000")
    public int files;

    private Path dir;
    private List<Path> paths;
    private ExecutorService executor;
    private final ObjectMapper yaml = YAMLMapper.builder().build();
    private final ObjectMapper json = JsonMapper.builder().build();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = GeneratedDirectory.create(files);
        paths = new ArrayList<>();
        try (var s = Files.list(dir.resolve("global"))) {
            s.sorted().forEach(paths::add);
        }
        paths.add(dir.resolve("environments/production.yaml"));
        executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        executor.shutdownNow();
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The product: a fresh directory (no cache) loads every document in parallel and merges them. */
    @Benchmark
    public ConfigMap configCicdLoadAndMerge() {
        ConfigDirectory d = ConfigDirectory.open(dir, Codecs.standard(), executor);
        List<String> names = new ArrayList<>(d.globalDocuments());
        names.add("environments/production.yaml");
        return Merger.merge(d.documents(names));
    }

    /** The peer: Jackson reads the same files into JsonNode trees, one after another. */
    @Benchmark
    public List<JsonNode> jacksonParseTrees() throws IOException {
        List<JsonNode> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            byte[] bytes = Files.readAllBytes(p);
            out.add((p.toString().endsWith(".json") ? json : yaml).readTree(bytes));
        }
        return out;
    }

    /** The peer given the same parallelism as the product, so the ratio is not won by threads alone. */
    @Benchmark
    public List<JsonNode> jacksonParseTreesParallel() {
        return paths.parallelStream().map(p -> {
            try {
                return (p.toString().endsWith(".json") ? json : yaml).readTree(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}
