package io.configcicd.core.store.file;

import io.configcicd.core.repo.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file system operations of the file store: each write atomic (temporary file, fsync, rename, fsync of the
 * directory, {@link AtomicFiles}), each delete made durable the same way. A seam so that a test can make the
 * second write of a pair fail and see the first put back.
 */
interface FileWrites {

    FileWrites ATOMIC = new FileWrites() {
        @Override
        public void write(Path file, byte[] content) {
            AtomicFiles.write(file, content);
        }

        @Override
        public void delete(Path file) throws IOException {
            if (Files.deleteIfExists(file)) {
                try (FileChannel ch = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                    ch.force(true);
                } catch (IOException | UnsupportedOperationException ignored) {
                    // some file systems cannot open a directory; the delete itself is done
                }
            }
        }
    };

    /** Replaces the file atomically; a failure is a {@link io.configcicd.core.ConfigCicdException}. */
    void write(Path file, byte[] content);

    void delete(Path file) throws IOException;
}
