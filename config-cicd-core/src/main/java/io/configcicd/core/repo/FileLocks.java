package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises read-modify-write cycles on one file, across threads and processes, so that two writers that
 * change different keys of a file both win.  Processes take an OS file lock on a lock file that the caller names (the configuration directory keeps them under
 * {@code .config-cicd/locks/}; the OS releases the lock when a process dies); threads of one JVM queue on a
 * {@link ReentrantLock} first, because the JVM does not let two of its threads hold locks on one file.
 */
public final class FileLocks {

    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    public static <T> T withLock(Path lockFile, Supplier<T> action) {
        Path target = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = LOCAL.computeIfAbsent(target, p -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot lock " + target + ": " + e.getMessage(),
                    "check that the configuration directory is writable", e);
        } finally {
            local.unlock();
        }
    }
}
