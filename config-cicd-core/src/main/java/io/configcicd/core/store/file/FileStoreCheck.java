package io.configcicd.core.store.file;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreCheck.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code test-stores} for a file target: the directory exists or can be created, the target can be read, and a
 * probe file {@code .<environment>.probe} can be written atomically and deleted. A file target has no
 * credentials, so authentication is skipped. The target's own files are not touched.
 */
final class FileStoreCheck {

    private final FileStore store;
    private final Path directory;
    private final Clock clock;
    private final FileWrites writes;

    FileStoreCheck(FileStore store, Path directory, Clock clock, FileWrites writes) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.writes = writes;
    }

    StoreCheck run() {
        long start = clock.millis();
        Step reachable = reachable();
        Step auth = Step.skipped("a file target has no credentials");
        Step read = reachable.status() == StoreCheck.Status.OK ? read() : Step.skipped("the directory is not usable");
        Step write = reachable.status() == StoreCheck.Status.OK ? write() : Step.skipped("the directory is not usable");
        return new StoreCheck(store.spec().name(), reachable, auth, read, write,
                Duration.ofMillis(Math.max(0, clock.millis() - start)));
    }

    private Step reachable() {
        if (Files.isDirectory(directory)) {
            return Step.ok(directory.toString());
        }
        Path existing = directory.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isDirectory(existing) && Files.isWritable(existing)) {
            return Step.ok(directory + " does not exist yet; the first deploy creates it");
        }
        return Step.failed(directory + " does not exist and cannot be created");
    }

    private Step read() {
        try {
            store.read();
            return Step.ok();
        } catch (ConfigCicdException e) {
            return Step.failed(e.problem());
        }
    }

    private Step write() {
        if (!Files.isDirectory(directory)) {
            return Step.skipped("nothing written before the first deploy creates " + directory);
        }
        Path probe = directory.resolve("." + store.spec().environment() + ".probe");
        try {
            writes.write(probe, "config-cicd test-stores probe\n".getBytes(StandardCharsets.UTF_8));
            writes.delete(probe);
            return Step.ok();
        } catch (ConfigCicdException e) {
            return Step.failed(e.problem());
        } catch (IOException e) {
            return Step.failed("cannot delete " + probe + ": " + e.getMessage());
        }
    }
}
