package io.configcicd.core.repo.git;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The one resolver of the revisions users give ({@code diff --version}, {@code assess --commit-hash/--base},
 * {@code validate --commit-hash/--branch}, {@code rollback --to-version}): a commit id (full or abbreviated), a tag,
 * a branch or an expression such as {@code HEAD~1}, always to a commit that is in the clone. Anything else is bad
 * input (exit 2) saying the revision is unknown, never a git failure; in a shallow clone the hint says to fetch the
 * history, since the revision may well exist beyond the commits that were fetched.
 *
 * <p>Also the shallow-clone checks: a shallow clone's boundary commits (listed in {@code .git/shallow}) look like
 * root commits, because their parents were not fetched. Whoever treats "no parent" as "nothing came before" asks
 * {@link #isShallowBoundary} first.
 */
public final class GitRevisions {

    /** What to do when a shallow clone lacks the history a command needs. */
    public static final String FETCH_HISTORY = "fetch the history: git fetch --unshallow (or git fetch --deepen=N for N"
            + " more commits); in GitHub Actions check out with actions/checkout and fetch-depth: 0";

    private GitRevisions() {
    }

    /**
     * The commit a revision names, when it names one that is in the clone; empty for anything else (no such name,
     * an id of a commit that was not fetched, a tree or a blob, a malformed expression).
     *
     * @throws ConfigCicdException bad input when an abbreviated id is ambiguous
     */
    public static Optional<ObjectId> find(Repository repo, String revision) throws IOException {
        if (revision == null || revision.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(repo.resolve(revision + "^{commit}"));
        } catch (AmbiguousObjectException e) {
            throw ConfigCicdException.badInput("ambiguous revision '" + revision + "': " + e.getCandidates().size()
                    + " objects of the repository have ids that start with it", "give more characters of the commit id");
        } catch (MissingObjectException | IncorrectObjectTypeException | RevisionSyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The commit a revision names.
     *
     * @throws ConfigCicdException bad input "unknown revision" when it names no commit in the clone
     */
    public static ObjectId resolve(Repository repo, String revision) throws IOException {
        Optional<ObjectId> id = find(repo, revision);
        if (id.isEmpty()) {
            throw unknown(repo, revision,
                    "give a commit id, tag or branch that exists in the repository (git log --oneline)");
        }
        return id.get();
    }

    /**
     * The error for a revision that names no commit in the clone; {@code hint} says what to give instead, and in a
     * shallow clone the hint says first that the history was cut off and how to fetch it.
     */
    public static ConfigCicdException unknown(Repository repo, String revision, String hint) throws IOException {
        boolean id = ObjectId.isId(revision);
        String problem = "unknown revision '" + revision + "'" + (id ? ": no commit with that id is in this clone" : "");
        String instead = hint + (id ? "; a commit made in another clone needs git fetch first" : "");
        Set<ObjectId> boundary = shallowCommits(repo);
        if (boundary.isEmpty()) {
            return ConfigCicdException.badInput(problem, instead);
        }
        return ConfigCicdException.badInput(problem, "this is a shallow clone whose history stops at "
                + describe(repo, boundary) + ", so the revision may be in the part that was not fetched: "
                + FETCH_HISTORY + "; or " + instead);
    }

    /** The boundary commits of a shallow clone ({@code .git/shallow}); empty for a complete clone. */
    public static Set<ObjectId> shallowCommits(Repository repo) throws IOException {
        return Set.copyOf(repo.getObjectDatabase().getShallowCommits());
    }

    /** Whether a commit is a boundary of a shallow clone: it has parents, but they were not fetched. */
    public static boolean isShallowBoundary(Repository repo, AnyObjectId commit) throws IOException {
        return repo.getObjectDatabase().getShallowCommits().contains(commit.toObjectId());
    }

    /**
     * The error for a command that needs what came before a shallow clone's boundary commit.
     *
     * @param what    what was needed, for example {@code "the parent of abc1234, the base of the assessment,"}
     * @param boundary the boundary commit's short id
     * @param instead what else the user can give, for example {@code "or name a base commit that is in the clone"}
     */
    public static ConfigCicdException historyCutOff(String what, String boundary, String instead) {
        return ConfigCicdException.badInput(what + " is not in this clone: it is a shallow clone whose history stops at "
                + boundary + " (its parents were not fetched)", FETCH_HISTORY + (instead.isEmpty() ? "" : "; " + instead));
    }

    private static String describe(Repository repo, Set<ObjectId> boundary) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var reader = repo.newObjectReader()) {
            for (ObjectId id : boundary.stream().sorted().limit(3).toList()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(reader.abbreviate(id, 7).name());
            }
        }
        if (boundary.size() > 3) {
            sb.append(" and ").append(boundary.size() - 3).append(" more");
        }
        return sb.toString();
    }
}
