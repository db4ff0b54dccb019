package io.configcicd.bench;

import io.configcicd.core.api.Configuration;
import io.configcicd.core.api.ConfigurationManager;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@code config.get(path, default)} on the effective configuration of the bundled example's production. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GetBenchmark {

    private Configuration config;
    private String deepPath;
    private String shallowPath;

    @Setup
    public void setUp() {
        Path dir = Path.of(System.getProperty("bench.configDir", "examples/configuration"));
        try (ConfigurationManager m = ConfigurationManager.open(dir)) {
            config = m.getMergedConfiguration("production");
        }
        // built at run time, as a program's own strings would be, not interned compile-time constants
        deepPath = new StringBuilder("alita.tools.code_runner.").append("resource_limits.memory").toString();
        shallowPath = new StringBuilder("kgot.").append("num_next_steps_decision").toString();
        config.get(shallowPath, 0);
    }

    @Benchmark
    public int getInteger() {
        return config.get(shallowPath, 3);
    }

    @Benchmark
    public String getDeepString() {
        return config.get(deepPath, "1GB");
    }

    @Benchmark
    public String getMissingWithDefault() {
        return config.get("kgot.no_such_key", "fallback");
    }
}
