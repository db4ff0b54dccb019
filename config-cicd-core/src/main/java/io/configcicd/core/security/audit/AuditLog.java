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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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
 * <h2>Keyed chain</h2>
 * With a key ({@link AuditKey}, {@code CONFIG_CICD_AUDIT_KEY}) a line has one more member before {@code prev},
 * {@code "mac":"hmac-sha256:<key id>"}, and {@code hash = lowercase hex HMAC-SHA-256(key, content)}: whoever lacks
 * the key cannot re-hash a changed line or chain. A log may start unkeyed and go on keyed (the first keyed line
 * seals the hash of the last unkeyed one, so the unkeyed part is protected by the MAC too); once a line is keyed,
 * appends without the key, or with another key, are refused.
 *
 * <h2>Appending</h2>
 * Under a cross-process lock ({@link FileLocks}, lock file beside the log), and never through a symbolic link
 * ({@link LogFiles}): first the tail is checked ({@link TailCheck}): the log's last line must be the one the head
 * names, with a hash (or MAC) that matches, and the git anchor, when there is one, must name it too; otherwise the
 * append is refused (external error) and nothing is written, so a forged or removed line is never sealed into the
 * chain. Then the head is rewritten announcing the new line's hash ({@code "next"}), the line is appended and forced
 * to disk, the git anchor ({@link AuditAnchor}) is moved to it, and the head is replaced by the new head. A crash
 * mid-write leaves a line without its newline: the next append ends that torn fragment with a newline and writes
 * after it, and the verifier reports the fragment as {@code TORN}. A crash after the line was written leaves a
 * complete line that the head announced: the next append adopts it (and only such a line).
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

    private final LogFiles files;
    private final boolean enabled;
    private final SecretMasker masker;
    private final Optional<AuditKey> key;
    /** Found on first use: reading commands build a log they never append to, and need no git for it. */
    private final Supplier<Optional<AuditAnchor>> anchor;

    /**
     * An unkeyed log without a git anchor.
     *
     * @param logFile the log; its head and lock files sit beside it
     * @param enabled false for a log that writes nothing
     * @param masker  decides which paths and detail keys are secrets
     */
    public AuditLog(Path logFile, boolean enabled, SecretMasker masker) {
        this(LogFiles.of(logFile), enabled, masker, Optional.empty(), Optional::empty);
    }

    private AuditLog(LogFiles files, boolean enabled, SecretMasker masker, Optional<AuditKey> key,
                     Supplier<Optional<AuditAnchor>> anchor) {
        this.files = files;
        this.enabled = enabled;
        this.masker = Objects.requireNonNull(masker, "masker");
        this.key = Objects.requireNonNull(key, "key");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    /** The audit log of a configuration directory, as its settings ({@code audit:}, {@code secrets:}) say; unkeyed. */
    public static AuditLog forDirectory(Path configDirectory, Settings settings) {
        return forDirectory(configDirectory, settings, Map.of());
    }

    /**
     * The audit log of a configuration directory, as its settings say: keyed when {@code env} holds
     * {@value AuditKey#VARIABLE}, anchored in git when the directory is in a git work tree and the log inside it.
     *
     * @throws ConfigCicdException bad input when {@value AuditKey#VARIABLE} is set but is no key
     */
    public static AuditLog forDirectory(Path configDirectory, Settings settings, Map<String, String> env) {
        return forDirectory(configDirectory, AuditSettings.from(settings.raw()), new SecretMasker(settings.secretKeys()),
                env);
    }

    /**
     * The audit log of a configuration directory under given audit settings (for example read from a protected ref
     * rather than the work tree): keyed when {@code env} holds {@value AuditKey#VARIABLE}, anchored in git when the
     * directory is in a git work tree and the log inside it, never written through a symbolic link.
     */
    public static AuditLog forDirectory(Path configDirectory, AuditSettings audit, SecretMasker masker,
                                        Map<String, String> env) {
        Path log = audit.logFile(configDirectory);
        Path base = Path.of(audit.path()).isAbsolute() ? log.getParent() : configDirectory;
        return new AuditLog(new LogFiles(log, base), audit.enabled(), masker, AuditKey.fromEnvironment(env),
                memoized(() -> AuditAnchor.of(configDirectory, log)));
    }

    /** The same log, keyed with {@code key} (or unkeyed when it is empty). */
    public AuditLog withKey(Optional<AuditKey> key) {
        return new AuditLog(files, enabled, masker, key, anchor);
    }

    public Path logFile() {
        return files.log();
    }

    public Path headFile() {
        return files.head();
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Whether lines are sealed with a key ({@value AuditKey#VARIABLE}). */
    public boolean isKeyed() {
        return key.isPresent();
    }

    /** The git ref that anchors this log's head, when the log has one. */
    public Optional<String> anchorRef() {
        return anchor.get().map(AuditAnchor::ref);
    }

    /**
     * Appends one event, masked as described above. Safe to call from several threads and processes.
     *
     * @return the line written, or empty when the log is disabled
     * @throws ConfigCicdException (external) when the log cannot be written, or was changed outside config-cicd
     *                             ({@link TailCheck}); nothing is written then
     */
    public Optional<Appended> append(AuditEvent event) {
        if (!enabled) {
            return Optional.empty();
        }
        AuditEvent safe = mask(event);
        files.refuseLinks();
        return Optional.of(FileLocks.withLock(files.lock(), () -> appendLocked(safe)));
    }

    /** Verifies this log against its head file, its key and its git anchor. */
    public VerifyResult verify() {
        return verify(Optional.empty());
    }

    /**
     * Verifies this log against its head file, its key and its git anchor, and a head hash kept elsewhere
     * ({@code --expect-head}).
     */
    public VerifyResult verify(Optional<String> expectedHead) {
        return AuditVerifier.verify(files, expectedHead, key, anchor.get());
    }

    private Appended appendLocked(AuditEvent event) {
        try {
            files.refuseLinks();
            Files.createDirectories(files.log().getParent());
            LogTail tail;
            try (FileChannel read = FileChannel.open(files.log(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                tail = LogTail.read(read);
            }
            AuditHead state = new TailCheck(key, anchor.get().map(AuditAnchor::read), startOver())
                    .check(AuditHead.read(files.head()), tail);
            long seq = state.count() + 1;
            byte[] line = AuditLines.format(event, seq, state.hash(), key);
            String hash = hashOf(line);
            state.announcing(hash).write(files.head());
            ByteBuffer buf = ByteBuffer.allocate(line.length + 2);
            if (tail.torn()) {
                buf.put((byte) '\n');
            }
            buf.put(line).put((byte) '\n').flip();
            try (FileChannel out = FileChannel.open(files.log(), StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                    LinkOption.NOFOLLOW_LINKS)) {
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                out.force(true);
            }
            anchor.get().ifPresent(a -> a.write(seq, hash, event.time()));
            new AuditHead(seq, hash).write(files.head());
            return new Appended(seq, hash);
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot append to the audit log " + files.log() + ": " + e.getMessage(),
                    "check that the audit directory is writable (audit.path in " + Settings.FILE_NAME + ")", e);
        }
    }

    private String hashOf(byte[] line) {
        byte[] content = AuditLines.content(line).orElseThrow();
        return key.map(k -> k.macHex(content)).orElseGet(() -> AuditLines.sha256(content));
    }

    /** How to start a new log when the old one cannot be continued, for the refusals' hints. */
    private String startOver() {
        return "To start a new log, move " + files.log().getFileName() + " and " + files.head().getFileName()
                + " aside (keep them: they are the evidence)"
                + anchor.get().map(a -> " and delete the git anchor (git update-ref -d " + a.ref() + ")").orElse("");
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

    /** A supplier that asks {@code find} once, on first use, and answers the same afterwards. */
    private static <T> Supplier<T> memoized(Supplier<T> find) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = find.get();
                }
                return value;
            }
        };
    }
}
