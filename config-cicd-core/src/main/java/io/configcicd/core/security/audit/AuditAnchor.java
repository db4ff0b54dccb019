package io.configcicd.core.security.audit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.git.GitWorkTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The head of an audit log anchored in git, for a log inside the git work tree of its configuration directory: the
 * ref {@code refs/config-cicd/audit/<id>} ({@code <id>}: the first 16 hex digits of the SHA-256 of the log's real,
 * absolute path, so that clones and linked work trees sharing one repository's refs keep one anchor per log) points
 * at a commit with an empty tree whose message names the log, its line count and its last hash:
 * <pre>
 * config-cicd audit head
 *
 * log: /home/ci/repo/configuration/.config-cicd/audit/audit.jsonl
 * count: 12
 * hash: 3f5c...e1
 * </pre>
 * Each append makes a new commit whose parent is the previous one, so the ref only ever moves forward: a remote
 * that refuses non-fast-forward pushes and deletions keeps a copy that whoever can write the log cannot move back
 * ({@code git push origin 'refs/config-cicd/*'}). Ref updates are written to the ref's reflog.
 */
final class AuditAnchor {

    /** Where the anchors of a repository live. */
    static final String REF_ROOT = "refs/config-cicd/audit/";

    private static final String SUBJECT = "config-cicd audit head";
    private static final Pattern MESSAGE = Pattern.compile(Pattern.quote(SUBJECT)
            + "\n\nlog: (.+)\ncount: (\\d{1,18})\nhash: ([0-9a-f]{64})\n?");

    /**
     * What an anchor names.
     *
     * @param log    the log's path as the anchor writes it
     * @param count  the number of lines of the chain at that head
     * @param hash   the hash of its last line
     * @param commit the anchor commit's id
     */
    record Anchored(String log, long count, String hash, String commit) {
    }

    /** What the anchor ref holds: nothing, a head, or something that is not an anchor. */
    sealed interface State permits Absent, Present, Unreadable {
    }

    record Absent() implements State {
    }

    record Present(Anchored anchored) implements State {
    }

    record Unreadable(String why) implements State {
    }

    private final Path configDir;
    private final String logName;
    private final String ref;

    private AuditAnchor(Path configDir, String logName) {
        this.configDir = configDir;
        this.logName = logName;
        this.ref = REF_ROOT + AuditLines.sha256(logName.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /**
     * The anchor of {@code logFile}, when {@code configDir} is in a git work tree and the log inside it (a log kept
     * elsewhere, on a volume that several clones share, is not anchored: each clone would hold its own anchor).
     */
    static Optional<AuditAnchor> of(Path configDir, Path logFile) {
        Objects.requireNonNull(logFile, "logFile");
        Path real = realOrLexical(logFile.toAbsolutePath().normalize());
        return GitWorkTrees.workTreeOf(configDir).filter(real::startsWith)
                .map(top -> new AuditAnchor(configDir, real.toString()));
    }

    private static Path realOrLexical(Path path) {
        Path existing = path;
        Path rest = Path.of("");
        while (existing.getParent() != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return path;
        }
    }

    /** The ref this anchor is kept in. */
    String ref() {
        return ref;
    }

    /** The log's real, absolute path, as the anchor records it. */
    String logName() {
        return logName;
    }

    State read() {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            Ref r = repo.exactRef(ref);
            if (r == null || r.getObjectId() == null) {
                return new Absent();
            }
            RevObject o = walk.parseAny(r.getObjectId());
            if (!(o instanceof RevCommit c)) {
                return new Unreadable(ref + " does not point at a commit");
            }
            Matcher m = MESSAGE.matcher(c.getFullMessage());
            if (!m.matches()) {
                return new Unreadable(ref + " (" + c.name() + ") is not an audit anchor");
            }
            return new Present(new Anchored(m.group(1), Long.parseLong(m.group(2)), m.group(3), c.name()));
        } catch (IOException e) {
            throw failed("read", e);
        }
    }

    /** Moves the anchor forward to a new head: a commit whose parent is the current anchor (if any). */
    void write(long count, String hash, Instant time) {
        try (Repository repo = open(); ObjectInserter inserter = repo.newObjectInserter()) {
            Ref current = repo.exactRef(ref);
            ObjectId old = current == null || current.getObjectId() == null ? ObjectId.zeroId() : current.getObjectId();
            PersonIdent who = new PersonIdent("config-cicd", "config-cicd@localhost", time, ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(new TreeFormatter()));
            if (!old.equals(ObjectId.zeroId()) && isCommit(repo, old)) {
                commit.setParentId(old);
            }
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(SUBJECT + "\n\nlog: " + logName + "\ncount: " + count + "\nhash: " + hash + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate.Result result = move(repo, old, id, count);
            if (result == RefUpdate.Result.LOCK_FAILURE && removeStaleLock(repo)) {
                result = move(repo, old, id, count);
            }
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD
                    && result != RefUpdate.Result.FORCED) {
                throw ConfigCicdException.external("cannot move the audit anchor " + ref + ": " + result,
                        "check that the git repository is writable; the audit line is written, the anchor lags "
                                + "behind it until the next audited command", null);
            }
        } catch (IOException e) {
            throw failed("update", e);
        }
    }

    private RefUpdate.Result move(Repository repo, ObjectId old, ObjectId id, long count) throws IOException {
        RefUpdate update = repo.updateRef(ref);
        update.setExpectedOldObjectId(old);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        update.setForceRefLog(true);
        update.setRefLogMessage("config-cicd audit: count " + count, false);
        return update.update();
    }

    /**
     * Removes the ref's lock file left by a process killed while it moved the anchor. The caller holds the audit log's
     * lock, which every config-cicd process takes before it moves this ref, so a lock file found then is stale.
     */
    private boolean removeStaleLock(Repository repo) throws IOException {
        Path lock = repo.getCommonDirectory().toPath().resolve(ref + ".lock");
        return Files.deleteIfExists(lock);
    }

    private static boolean isCommit(Repository repo, ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseAny(id) instanceof RevCommit;
        }
    }

    private Repository open() throws IOException {
        return GitWorkTrees.open(configDir, "the audit anchor needs the configuration directory's git repository");
    }

    private ConfigCicdException failed(String what, IOException e) {
        return ConfigCicdException.external("cannot " + what + " the audit anchor " + ref + ": " + e.getMessage(),
                "check that the git repository is readable and writable", e);
    }
}
