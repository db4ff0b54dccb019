package io.configcicd.core.store.file;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.FileLocks;
import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreJson;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code file} target: {@code <path>/<environment>.json} (or {@code .yaml} for {@code format: yaml}) holds the
 * content, {@code <path>/<environment>.meta.json} the deployed record. Each file is replaced atomically, and the
 * pair changes under an OS lock on {@code <path>/.<environment>.lock}, so two processes deploying the same
 * environment do not interleave and a reader never sees a new content with an old record. When the record's
 * write fails the content file is put back as it was; a missing target reads as empty content without a record.
 */
final class FileStore implements ConfigStore {

    private final TargetSpec spec;
    private final Path directory;
    private final Path data;
    private final Path meta;
    private final Path lock;
    private final Clock clock;
    private final FileWrites writes;

    FileStore(TargetSpec spec, Path directory, Clock clock, FileWrites writes) {
        this.spec = spec;
        this.directory = directory;
        String env = spec.environment();
        String extension = spec.layout() == Layout.DOCUMENT ? spec.format().extension() : "json";
        this.data = directory.resolve(env + "." + extension);
        this.meta = directory.resolve(env + ".meta.json");
        this.lock = directory.resolve("." + env + ".lock");
        this.clock = clock;
        this.writes = writes;
    }

    @Override
    public TargetSpec spec() {
        return spec;
    }

    Path dataFile() {
        return data;
    }

    Path metaFile() {
        return meta;
    }

    @Override
    public StoreState read() {
        if (!Files.isDirectory(directory)) {
            return StoreState.empty(spec.layout());
        }
        return locked(this::readUnlocked);
    }

    @Override
    public void apply(StoreState desired, StoreState expected) {
        if (desired.content().layout() != spec.layout()) {
            throw new IllegalArgumentException("target " + spec.name() + " has layout " + spec.layout().word()
                    + ", the content has " + desired.content().layout().word());
        }
        locked(() -> {
            StoreState current = readUnlocked();
            if (!current.sameAs(expected)) {
                throw StoreException.conflict(spec.name(), data + " or its record changed; nothing was written");
            }
            Optional<byte[]> previous = bytes(data);
            write(data, desired.content().isEmpty() ? Optional.empty() : Optional.of(encode(desired.content())));
            try {
                write(meta, desired.record().map(StoreJson::writeRecord));
            } catch (StoreException e) {
                putBack(previous, e);
                throw new StoreException(StoreException.Reason.UNAVAILABLE, spec.name(), "cannot write the record "
                        + meta + "; the content was put back, the target holds what it held before",
                        "check that the directory is writable and the disk is not full", e);
            }
            return null;
        });
    }

    @Override
    public StoreCheck check() {
        return new FileStoreCheck(this, directory, clock, writes).run();
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }

    StoreState readUnlocked() {
        StoreContent content = bytes(data).map(this::decode).orElseGet(() -> StoreContent.empty(spec.layout()));
        Optional<DeployedRecord> record = bytes(meta).map(b -> {
            try {
                return StoreJson.readRecord(b);
            } catch (IllegalArgumentException e) {
                throw new StoreException(StoreException.Reason.UNAVAILABLE, spec.name(), "the record " + meta
                        + " cannot be read: " + e.getMessage(), "restore it from the deployment journal or delete it"
                        + " and deploy again (the next deploy plans against the content alone)", e);
            }
        });
        return new StoreState(content, record);
    }

    private void putBack(Optional<byte[]> previous, StoreException writeFailure) {
        try {
            write(data, previous);
        } catch (StoreException e) {
            e.addSuppressed(writeFailure);
            throw new StoreException(StoreException.Reason.UNAVAILABLE, spec.name(), "cannot write the record " + meta
                    + " nor put back " + data + ": the content is new and its record old",
                    "restore " + data + " from the deployment journal, or deploy again", e);
        }
    }

    private byte[] encode(StoreContent content) {
        if (content instanceof StoreContent.Keys keys) {
            return StoreJson.writeKeys(keys);
        }
        return content.canonicalBytes();
    }

    private StoreContent decode(byte[] bytes) {
        if (spec.layout() == Layout.DOCUMENT) {
            return new StoreContent.Document(new String(bytes, StandardCharsets.UTF_8), spec.format().mediaType());
        }
        try {
            return StoreJson.readKeys(bytes);
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, spec.name(), data + " is not a keys-layout"
                    + " file: " + e.getMessage(), "delete it or set layout: document for this target", e);
        }
    }

    private void write(Path file, Optional<byte[]> content) {
        try {
            if (content.isPresent()) {
                writes.write(file, content.get());
            } else {
                writes.delete(file);
            }
        } catch (IOException e) {
            throw unavailable("cannot delete " + file + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            throw e;
        } catch (ConfigCicdException e) {
            throw unavailable(e.problem(), e);
        }
    }

    private Optional<byte[]> bytes(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> T locked(Supplier<T> action) {
        try {
            return FileLocks.withLock(lock, action);
        } catch (StoreException e) {
            throw e;
        } catch (ConfigCicdException e) {
            throw unavailable(e.problem(), e);
        }
    }

    private StoreException unavailable(String problem, Throwable cause) {
        return new StoreException(StoreException.Reason.UNAVAILABLE, spec.name(), problem,
                "check that " + directory + " exists, is writable and the disk is not full", cause);
    }
}
