package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path dir;

    private void manyDocuments() throws Exception {
        Files.createDirectories(dir.resolve("global"));
        Files.createDirectories(dir.resolve("environments"));
        for (int i = 0; i < 16; i++) {
            Files.writeString(dir.resolve(String.format("global/svc%02d.yaml", i)), "svc" + i + ":\n  port: " + (8000 + i) + "\n");
        }
        Files.writeString(dir.resolve("environments/production.yaml"), "svc0:\n  port: 443\n");
    }

    @Test
    void aWorkspaceOpenedWithAnExecutorParsesTheDocumentsInParallelOnIt() throws Exception {
        manyDocuments();
        AtomicInteger slices = new AtomicInteger();
        try (Workspace ws = Workspace.open(dir, Map.of(), r -> {
            slices.incrementAndGet();
            r.run();
        })) {
            assertThat(ws.manager().getMergedConfiguration("production").get("svc15.port", 0)).isEqualTo(8015);
            assertThat(ws.manager().directory().parsedDocuments()).isEqualTo(17);
        }
        assertThat(slices.get()).isGreaterThan(1);
    }

    @Test
    void aWorkspaceOpenedWithoutAnExecutorParsesOnTheCallersThread() throws Exception {
        manyDocuments();
        try (Workspace ws = Workspace.open(dir, Map.of())) {
            assertThat(ws.manager().getMergedConfiguration("production").get("svc0.port", 0)).isEqualTo(443);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("config-cicd-"));
    }
}
