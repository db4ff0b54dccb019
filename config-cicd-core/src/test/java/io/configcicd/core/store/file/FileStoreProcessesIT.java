package io.configcicd.core.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs deploy the same environment of one file target at once, as two CI runners on one machine would:
 * the environment lock and check-and-set make every increment count, none lost, and the record always describes
 * the content. Starts processes, so it is an integration test (failsafe, {@code mvn verify}).
 */
class FileStoreProcessesIT {

    private static final int PROCESSES = 3;
    private static final int INCREMENTS = 15;

    @TempDir
    Path root;

    @Test
    void writersInSeveralProcessesLoseNoUpdateAndLeaveAConsistentPair() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(new ProcessBuilder(java, "-cp", classPath, FileStoreWriterMain.class.getName(),
                    root.toString(), "writer-" + i, Integer.toString(INCREMENTS))
                    .redirectErrorStream(true).redirectOutput(root.resolve("writer-" + i + ".log").toFile()).start());
        }
        for (int i = 0; i < PROCESSES; i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("writer %d finished", i).isTrue();
            assertThat(p.exitValue()).as("writer %d: %s", i, Files.readString(root.resolve("writer-" + i + ".log")))
                    .isZero();
        }

        StoreProviders providers = StoreProviders.installed();
        try (ConfigStore store = providers.open(TargetSpecs.parse("local", Map.of("type", "file", "layout", "keys"),
                "race", providers), new StoreContext(Clock.systemUTC(), root))) {
            StoreState state = store.read();
            assertThat(((StoreContent.Keys) state.content()).entries())
                    .containsEntry("counter", Integer.toString(PROCESSES * INCREMENTS));
            assertThat(state.drifted()).isFalse();
        }
    }
}
