package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes change different keys of one file at the same moment: every change survives. */
class ConcurrentProcessesIT {

    private static final int PROCESSES = 4;
    private static final int KEYS_EACH = 15;

    @Test
    void concurrentWritersFromSeparateProcessesAllWin(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("global"));
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("global/base.yaml"), "kgot:\n  reasoning_depth: 3\n");
        String original = "# production overrides\nkgot:\n  reasoning_depth: 5  # deeper in prod\n";
        Files.writeString(dir.resolve("environments/production.yaml"), original);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConcurrentWriterMain.class.getName(), dir.toString(), "w" + p, String.valueOf(KEYS_EACH))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("writer-" + p + ".log").toFile())
                    .start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("writer-" + processes.indexOf(p) + ".log"))).isZero();
        }

        try (ConfigurationManager m = ConfigurationManager.open(dir)) {
            Configuration prod = m.getMergedConfiguration("production");
            for (int p = 0; p < PROCESSES; p++) {
                for (int i = 0; i < KEYS_EACH; i++) {
                    assertThat(prod.get("writers.w" + p + ".key" + i, -1)).as("w%d.key%d", p, i).isEqualTo(i);
                }
            }
            assertThat(prod.get("kgot.reasoning_depth", 0)).isEqualTo(5);
        }
        String text = Files.readString(dir.resolve("environments/production.yaml"));
        assertThat(text).startsWith("# production overrides\nkgot:\n  reasoning_depth: 5  # deeper in prod\n");
        try (var files = Files.list(dir.resolve("environments"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("production.yaml");
        }
    }
}
