package io.configcicd.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the foundation benchmarks in one JVM session and prints the numbers the issue asks for:
 * {@code get} in ns/op against the 50 ns target, and load + merge of 1,000 files as a ratio against
 * Jackson parsing the same files, measured in the same run. Usage: {@code bench/run.sh} (or
 * {@code java -jar config-benchmarks/target/benchmarks.jar [quick]}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        Options opts = new OptionsBuilder()
                .include(GetBenchmark.class.getSimpleName())
                .include(LoadBenchmark.class.getSimpleName())
                .forks(quick ? 1 : 2)
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-Dbench.configDir=" + System.getProperty("bench.configDir", "examples/configuration"))
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Double> score = new HashMap<>();
        Map<String, String> unit = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            score.put(name, r.getPrimaryResult().getScore());
            unit.put(name, r.getPrimaryResult().getScoreUnit());
        }
        System.out.println();
        System.out.println("== config-cicd foundation benchmarks ==");
        for (String g : new String[] {"GetBenchmark.getInteger", "GetBenchmark.getDeepString", "GetBenchmark.getMissingWithDefault"}) {
            double ns = score.get(g);
            System.out.printf("%-36s %8.1f %s  (target <= 50 ns: %s)%n", g, ns, unit.get(g), ns <= 50 ? "met" : "MISSED");
        }
        double ours = score.get("LoadBenchmark.configCicdLoadAndMerge");
        double peer = score.get("LoadBenchmark.jacksonParseTrees");
        double peerPar = score.get("LoadBenchmark.jacksonParseTreesParallel");
        System.out.printf("load + merge 1000 files (config-cicd)  %8.1f ms/op%n", ours);
        System.out.printf("Jackson parse same files, sequential   %8.1f ms/op%n", peer);
        System.out.printf("Jackson parse same files, parallel     %8.1f ms/op%n", peerPar);
        System.out.printf("ratio config-cicd / Jackson sequential %8.2fx  (target <= 1.5x: %s)%n", ours / peer,
                ours / peer <= 1.5 ? "met" : "MISSED");
        System.out.printf("ratio config-cicd / Jackson parallel   %8.2fx%n", ours / peerPar);
    }
}
