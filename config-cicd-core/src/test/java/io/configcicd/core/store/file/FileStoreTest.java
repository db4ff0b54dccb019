package io.configcicd.core.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.ConfigStoreContract;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest extends ConfigStoreContract {

    private static final Clock CLOCK = Clock.fixed(DEPLOYED_AT, ZoneOffset.UTC);
    private static final StoreProviders PROVIDERS = StoreProviders.installed();

    @TempDir
    Path root;

    private TargetSpec spec(Layout layout, String format) {
        return PROVIDERS.parse("local", io.configcicd.core.model.ConfigNodes.fromPlain(Map.of("type", "file",
                "path", "build/{environment}-deployed", "layout", layout.word(), "format", format),
                io.configcicd.core.model.Origin.UNKNOWN), "production");
    }

    @Override
    protected ConfigStore open(Layout layout) {
        return PROVIDERS.open(spec(layout, "json"), new StoreContext(CLOCK, root));
    }

    private FileStore fileStore(Layout layout, FileWrites writes) {
        return new FileStore(spec(layout, "json"), root.resolve("build/production-deployed"), CLOCK, writes);
    }

    @Test
    void writesTheEnvironmentsDocumentAndItsRecordUnderThePath() throws IOException {
        StoreState desired = deployed(contentA(Layout.DOCUMENT), "run-1");
        try (ConfigStore store = open(Layout.DOCUMENT)) {
            store.apply(desired, store.read());
        }

        Path dir = root.resolve("build/production-deployed");
        assertThat(dir.resolve("production.json")).hasContent(
                ((StoreContent.Document) desired.content()).text().strip());
        String meta = Files.readString(dir.resolve("production.meta.json"));
        assertThat(meta).contains("\"commit\": \"c0ffeerun-1\"", "\"deployment_id\": \"run-1\"",
                "\"sha256\": \"" + desired.content().sha256() + "\"", "\"time\": \"2026-01-02T03:04:05Z\"");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aYamlDocumentGoesToTheEnvironmentsYamlFile() {
        FileStore store = new FileStore(spec(Layout.DOCUMENT, "yaml"), root, CLOCK, FileWrites.ATOMIC);
        StoreContent yaml = new StoreContent.Document("kgot:\n  num_next_steps_decision: 5\n", "application/yaml");

        store.apply(deployed(yaml, "run-1"), store.read());

        assertThat(root.resolve("production.yaml")).hasContent("kgot:\n  num_next_steps_decision: 5");
        assertThat(store.read().content()).isEqualTo(yaml);
    }

    @Test
    void readingATargetWhoseDirectoryDoesNotExistCreatesNothing() {
        try (ConfigStore store = open(Layout.KEYS)) {
            assertThat(store.read().isEmpty()).isTrue();
        }
        assertThat(root.resolve("build")).doesNotExist();
    }

    @Test
    void aConflictLeavesBothFilesByteForByteAsTheyWere() throws IOException {
        FileStore store = fileStore(Layout.KEYS, FileWrites.ATOMIC);
        store.apply(deployed(contentA(Layout.KEYS), "run-1"), store.read());
        StoreState planned = store.read();
        store.apply(deployed(contentB(Layout.KEYS), "run-2"), planned);
        byte[] data = Files.readAllBytes(store.dataFile());
        byte[] meta = Files.readAllBytes(store.metaFile());

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> store.apply(deployed(contentA(Layout.KEYS), "run-3"), planned));

        assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
        assertThat(e.getMessage()).contains("target local", "changed since plan").doesNotContain("gpt-4o");
        assertThat(Files.readAllBytes(store.dataFile())).isEqualTo(data);
        assertThat(Files.readAllBytes(store.metaFile())).isEqualTo(meta);
    }

    @Test
    void aContentFileEditedByHandSinceTheReadIsAConflictToo() throws IOException {
        FileStore store = fileStore(Layout.DOCUMENT, FileWrites.ATOMIC);
        store.apply(deployed(contentA(Layout.DOCUMENT), "run-1"), store.read());
        StoreState planned = store.read();
        Files.writeString(store.dataFile(), "{\"edited\": true}\n");

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> store.apply(deployed(contentB(Layout.DOCUMENT), "run-2"), planned));

        assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
        assertThat(store.dataFile()).hasContent("{\"edited\": true}");
    }

    @Test
    void whenTheRecordCannotBeWrittenThePreviousContentIsPutBack() throws IOException {
        FileStore good = fileStore(Layout.KEYS, FileWrites.ATOMIC);
        good.apply(deployed(contentA(Layout.KEYS), "run-1"), good.read());
        byte[] data = Files.readAllBytes(good.dataFile());
        byte[] meta = Files.readAllBytes(good.metaFile());
        FileStore failing = fileStore(Layout.KEYS, new FailingOn(good.metaFile()));

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> failing.apply(deployed(contentB(Layout.KEYS), "run-2"), failing.read()));

        assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("put back");
        assertThat(Files.readAllBytes(good.dataFile())).isEqualTo(data);
        assertThat(Files.readAllBytes(good.metaFile())).isEqualTo(meta);
    }

    @Test
    void whenTheFirstRecordCannotBeWrittenTheNewContentFileIsRemovedAgain() {
        FileStore probe = fileStore(Layout.KEYS, FileWrites.ATOMIC);
        FileStore failing = fileStore(Layout.KEYS, new FailingOn(probe.metaFile()));

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> failing.apply(deployed(contentA(Layout.KEYS), "run-1"), failing.read()));

        assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
        assertThat(probe.dataFile()).doesNotExist();
        assertThat(probe.read().isEmpty()).isTrue();
    }

    @Test
    void twoWritersThatReadTheSameStateCannotBothApply() throws Exception {
        FileStore a = fileStore(Layout.KEYS, FileWrites.ATOMIC);
        FileStore b = fileStore(Layout.KEYS, FileWrites.ATOMIC);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (FileStore s : List.of(a, b)) {
                String id = s == a ? "run-a" : "run-b";
                results.add(pool.submit(() -> {
                    StoreState read = s.read();
                    bothRead.await();
                    try {
                        s.apply(deployed(s == a ? contentA(Layout.KEYS) : contentB(Layout.KEYS), id), read);
                        return "applied";
                    } catch (StoreException e) {
                        return e.reason().name();
                    }
                }));
            }
            List<String> outcomes = List.of(results.get(0).get(), results.get(1).get());

            assertThat(outcomes).containsExactlyInAnyOrder("applied", "CONFLICT");
            StoreState now = a.read();
            assertThat(now.record().map(DeployedRecord::sha256)).contains(now.content().sha256());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnreadableRecordIsReportedWithItsFileAndWhatToDo() throws IOException {
        FileStore store = fileStore(Layout.KEYS, FileWrites.ATOMIC);
        store.apply(deployed(contentA(Layout.KEYS), "run-1"), store.read());
        Files.writeString(store.metaFile(), "{\"commit\": \"abc\"}");

        StoreException e = catchThrowableOfType(StoreException.class, store::read);

        assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
        assertThat(e.problem()).contains("production.meta.json", "no field deployment_id");
        assertThat(e.hint()).contains("deploy again");
    }

    @Test
    void anEnvironmentNameThatIsNotAFileNameIsRefused() {
        TargetSpec spec = PROVIDERS.parse("local", io.configcicd.core.model.ConfigNodes.fromPlain(
                Map.of("type", "file"), io.configcicd.core.model.Origin.UNKNOWN), "../escape");

        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> PROVIDERS.open(spec, new StoreContext(CLOCK, root)));

        assertThat(e.kind()).isEqualTo(io.configcicd.core.ErrorKind.BAD_INPUT);
        assertThat(e.problem()).contains("'../escape'");
    }

    @Test
    void checkOfADirectoryThatCannotBeCreatedFailsReachableAndSkipsTheRest() throws IOException {
        Path blocker = Files.writeString(root.resolve("build"), "a file where the directory should be");
        try (ConfigStore store = open(Layout.DOCUMENT)) {
            var check = store.check();

            assertThat(check.passed()).isFalse();
            assertThat(check.reachable().detail()).contains("cannot be created");
            assertThat(check.canWrite().status()).isEqualTo(io.configcicd.core.store.StoreCheck.Status.SKIPPED);
        }
        assertThat(blocker).hasContent("a file where the directory should be");
    }

    /** Atomic writes, except that writing one file fails as a full disk would. */
    private record FailingOn(Path file) implements FileWrites {
        @Override
        public void write(Path target, byte[] content) {
            if (target.equals(file)) {
                throw ConfigCicdException.external("cannot write " + target + ": No space left on device",
                        "free some space", null);
            }
            FileWrites.ATOMIC.write(target, content);
        }

        @Override
        public void delete(Path target) throws IOException {
            FileWrites.ATOMIC.delete(target);
        }
    }
}
