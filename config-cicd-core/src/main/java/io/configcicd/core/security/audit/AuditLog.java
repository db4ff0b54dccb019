package io.configcicd.core.security.audit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.FileLocks;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The append-only, hash-chained audit log: one JSON line per {@link AuditEvent}, by default
 * {@code .config-cicd/audit/audit.jsonl} in the configuration directory ({@link AuditSettings}).
 *
 * <h2>Line format</h2>
 * Each line is one compact JSON object, UTF-8, ended by {@code \n}, with exactly these members in this
 * order: {@code seq} (1-based line number of the chain), {@code time} (ISO-8601 instant), {@code principal},
 * {@code command}, {@code scope}, {@code name}, {@code path} (empty strings when not applicable),
 * {@code old}, {@code new} (masked strings, or {@code null} when absent), {@code result}, {@code details}
 * (object of strings, keys sorted), {@code prev} (the {@code hash} of the previous line; 64 zeros for the
 * first) and last {@code hash}:
 * <pre>
 * {"seq":1,"time":"2026-01-02T03:04:05Z","principal":"alice","command":"set","scope":"environment","name":"production","path":"db.pool","old":"10","new":"20","result":"ok","details":{},"prev":"000...0","hash":"3f5c...e1"}
 * </pre>
 *
 * <h2>Hash</h2>
 * Every line ends with the 75 bytes {@code ,"hash":"<64 lowercase hex>"}}. Its <em>content</em> is the line's
 * bytes with those 75 bytes replaced by the single byte {@code }} (that is, the same object without its
 * {@code hash} member, exactly as written). {@code hash = lowercase hex SHA-256(content)}. Because
 * {@code prev} is part of the content, each line seals the one before it; the verifier hashes the bytes in
 * the file and never re-serialises. The head file ({@link AuditSettings#headFile}) holds
 * {@code {"count":N,"hash":"..."}} of the last line and is replaced atomically after each append.
 *
 * <h2>Appending</h2>
 * Under a cross-process lock ({@link FileLocks}, lock file beside the log): the chain continues from the
 * head file (not from the log's tail, so a truncated log stays visibly truncated); the line is appended
 * and forced to disk; then the head is replaced. A crash mid-write leaves a line without its newline: the
 * next append ends that torn fragment with a newline and writes after it, and the verifier reports the
 * fragment as {@code TORN}. A crash between the append and the head update leaves one complete line after
 * the head; the verifier reports {@code HEAD_MISMATCH} for it, and the next append, seeing a line that
 * continues the head exactly, adopts it.
 *
 * <h2>Secrets</h2>
 * Callers mask values before building events ({@link AuditEvent}). As defence in depth, a value whose
 * path names a secret ({@link SecretMasker#isSecret}) and a detail whose key names one are replaced by
 * {@link SecretMasker#MASK} here (a bare {@code ${VAR}} reference is kept: it holds no secret).
 *
 * <p>Limits: see {@link AuditVerifier}.
 */
public final class AuditLog {

    /** What an append wrote: the line's sequence number and hash (the new head). */
    public record Appended(long seq, String hash) {
    }

    private final Path logFile;
    private final boolean enabled;
    private final SecretMasker masker;

    /**
     * @param logFile the log; its head and lock files sit beside it
     * @param enabled false for a log that writes nothing
     * @param masker  decides which paths and detail keys are secrets
     */
    public AuditLog(Path logFile, boolean enabled, SecretMasker masker) {
        this.logFile = logFile.toAbsolutePath().normalize();
        this.enabled = enabled;
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    /** The audit log of a configuration directory, as its settings ({@code audit:}, {@code secrets:}) say. */
    public static AuditLog forDirectory(Path configDirectory, Settings settings) {
        AuditSettings audit = AuditSettings.from(settings.raw());
        return new AuditLog(audit.logFile(configDirectory), audit.enabled(), new SecretMasker(settings.secretKeys()));
    }

    public Path logFile() {
        return logFile;
    }

    public Path headFile() {
        return AuditSettings.headFile(logFile);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Appends one event, masked as described above. Safe to call from several threads and processes.
     *
     * @return the line written, or empty when the log is disabled
     * @throws ConfigCicdException (external) when the log cannot be written
     */
    public Optional<Appended> append(AuditEvent event) {
        if (!enabled) {
            return Optional.empty();
        }
        AuditEvent safe = mask(event);
        return Optional.of(FileLocks.withLock(AuditSettings.lockFile(logFile), () -> appendLocked(safe)));
    }

    /** Verifies this log against its head file. */
    public VerifyResult verify() {
        return AuditVerifier.verify(logFile, headFile());
    }

    /** Verifies this log against its head file and a head hash kept elsewhere ({@code --expect-head}). */
    public VerifyResult verify(Optional<String> expectedHead) {
        return AuditVerifier.verify(logFile, headFile(), expectedHead);
    }

    private Appended appendLocked(AuditEvent event) {
        try {
            Files.createDirectories(logFile.getParent());
            LogTail tail;
            try (FileChannel read = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                tail = LogTail.read(read);
            }
            AuditHead state = chainState(AuditHead.read(headFile()), tail);
            long seq = state.count() + 1;
            byte[] line = AuditLines.format(event, seq, state.hash());
            String hash = AuditLines.computeHash(line).orElseThrow();
            ByteBuffer buf = ByteBuffer.allocate(line.length + 2);
            if (tail.torn()) {
                buf.put((byte) '\n');
            }
            buf.put(line).put((byte) '\n').flip();
            try (FileChannel out = FileChannel.open(logFile, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                out.force(true);
            }
            AuditHead next = new AuditHead(seq, hash);
            next.write(headFile());
            return new Appended(seq, hash);
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot append to the audit log " + logFile + ": " + e.getMessage(),
                    "check that the audit directory is writable (audit.path in " + Settings.FILE_NAME + ")", e);
        }
    }

    /**
     * Where the chain goes on: the head; or, when the log's last line continues the head exactly (an
     * append interrupted before its head update), that line; or, with no usable head, the log's last line.
     */
    static AuditHead chainState(AuditHead.State head, LogTail tail) {
        Optional<AuditLines.Entry> last = tail.lastLine().flatMap(AuditLines::parse);
        if (head instanceof AuditHead.Present present) {
            AuditHead h = present.head();
            if (last.isPresent() && last.get().hashMatches() && last.get().seq() == h.count() + 1
                    && last.get().prev().equals(h.hash())) {
                return new AuditHead(last.get().seq(), last.get().hash());
            }
            return h;
        }
        return last.map(l -> new AuditHead(l.seq(), l.hash())).orElse(AuditHead.EMPTY);
    }

    /** The event with values under secret paths and details under secret keys masked. */
    AuditEvent mask(AuditEvent e) {
        boolean secret = !e.path().isEmpty() && isSecretPath(e.path());
        Map<String, String> details = new TreeMap<>();
        e.details().forEach((k, v) -> details.put(k, masker.isSecretKey(k) ? maskValue(v) : v));
        return new AuditEvent(e.time(), e.principal(), e.command(), e.scope(), e.name(), e.path(),
                secret ? e.oldValue().map(AuditLog::maskValue) : e.oldValue(),
                secret ? e.newValue().map(AuditLog::maskValue) : e.newValue(), e.result(), details);
    }

    private boolean isSecretPath(String path) {
        try {
            return masker.isSecret(ConfigPath.parse(path));
        } catch (IllegalArgumentException notAPath) {
            for (String word : path.split("[.\\[\\]\"]+")) {
                if (!word.isEmpty() && masker.isSecretKey(word)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String maskValue(String value) {
        boolean keep = value.equals(SecretMasker.MASK)
                || SecretMasker.isPureReference(ConfigScalar.string(value, Origin.UNKNOWN));
        return keep ? value : SecretMasker.MASK;
    }
}
