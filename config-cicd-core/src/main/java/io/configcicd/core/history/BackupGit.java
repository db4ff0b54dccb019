package io.configcicd.core.history;

import io.configcicd.core.source.ConfigFilesFilter;

import io.configcicd.core.source.RevisionFiles;

import io.configcicd.core.source.RevisionReader;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.git.GitRevisions;
import io.configcicd.core.repo.git.GitWorkTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The git side of backups and rollbacks: a configuration's files in a commit, a commit object of the files on
 * disk made without touching the index, the work tree or any branch, backup tags, and the newest commit that
 * changed a configuration. Not thread safe; {@link #close()} releases the repository.
 */
final class BackupGit implements AutoCloseable {

    private final RevisionReader git;

    private BackupGit(RevisionReader git) {
        this.git = git;
    }

    /** Whether the configuration directory is in a (non-bare) git work tree. */
    static boolean applies(Path configDir) {
        return GitWorkTrees.workTreeOf(configDir).isPresent();
    }

    static BackupGit open(Path configDir) {
        return new BackupGit(RevisionReader.open(configDir));
    }

    Repository repository() {
        return git.repository();
    }

    /** Where the configuration directory is in the repository: {@code ""} or {@code "configuration/"}. */
    String prefix() {
        return git.prefix();
    }

    Optional<RevCommit> head() throws IOException {
        return git.head();
    }

    /** The commit a revision names, if it names one in the clone (see {@link GitRevisions#find}). */
    Optional<RevCommit> resolve(String revision) throws IOException {
        Optional<ObjectId> id = GitRevisions.find(repository(), revision);
        return id.isEmpty() ? Optional.empty() : Optional.of(git.commit(id.get()));
    }

    /** Whether a commit is a boundary of a shallow clone (its parents were not fetched). */
    boolean isShallowBoundary(RevCommit commit) throws IOException {
        return git.isShallowBoundary(commit);
    }

    RevCommit commit(AnyObjectId id) throws IOException {
        return git.commit(id);
    }

    List<RevCommit> parents(RevCommit commit) throws IOException {
        return git.parents(commit);
    }

    String shortId(AnyObjectId id) throws IOException {
        return git.shortId(id);
    }

    /** The configuration's files in a commit (none when {@code commit} is empty: nothing committed yet). */
    BackupContent content(Optional<RevCommit> commit, Scope scope, String env) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (commit.isPresent()) {
            RevisionFiles files = git.files(commit.get(), env);
            for (RevisionFiles.Blob b : files.overrides()) {
                out.put(b.relative(), bytes(b.id()));
            }
            if (scope == Scope.GLOBAL) {
                for (RevisionFiles.Blob b : files.globals()) {
                    out.put(b.relative(), bytes(b.id()));
                }
                if (files.settings().isPresent()) {
                    out.put(files.settings().get().relative(), bytes(files.settings().get().id()));
                }
            }
        }
        return new BackupContent(out);
    }

    /** One file (relative to the configuration directory) as a commit has it; empty when the commit has no such file. */
    Optional<byte[]> file(RevCommit commit, String relative) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository(), prefix() + relative, commit.getTree())) {
            return walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE
                    ? Optional.empty() : Optional.of(bytes(walk.getObjectId(0)));
        }
    }

    private byte[] bytes(ObjectId blob) throws IOException {
        return git.objectReader().open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
    }

    /**
     * A new commit (parent {@code head}, if any) whose tree is {@code head}'s with the configuration's files
     * replaced by {@code files}: those of the configuration that {@code files} lacks are left out. Only objects
     * are written: the index, the work tree and every branch stay as they are.
     */
    ObjectId commitOf(Optional<RevCommit> head, BackupContent files, Scope scope, String env, PersonIdent who,
                      String message) throws IOException {
        String prefix = prefix();
        DirCache tree = DirCache.newInCore();
        DirCacheBuilder builder = tree.builder();
        if (head.isPresent()) {
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, git.objectReader(), head.get().getTree());
        }
        builder.finish();
        try (ObjectInserter inserter = repository().newObjectInserter()) {
            DirCacheEditor editor = tree.editor();
            for (String old : content(head, scope, env).names()) {
                if (!files.files().containsKey(old)) {
                    editor.add(new DirCacheEditor.DeletePath(prefix + old));
                }
            }
            for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, f.getValue());
                editor.add(new DirCacheEditor.PathEdit(prefix + f.getKey()) {
                    @Override
                    public void apply(DirCacheEntry ent) {
                        boolean executable = ent.getRawMode() == FileMode.EXECUTABLE_FILE.getBits();
                        ent.setFileMode(executable ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
                        ent.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree.writeTree(inserter));
            head.ifPresent(commit::setParentId);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    /** Creates an annotated tag on a commit; false when a tag of that name exists already. */
    boolean createTag(String name, ObjectId commit, PersonIdent tagger, String message) throws IOException {
        String ref = Constants.R_TAGS + name;
        if (!Repository.isValidRefName(ref)) {
            throw ConfigCicdException.badInput("'" + name + "' is not a valid git tag name",
                    "use a backup label of letters, digits, '_' and '-'");
        }
        if (repository().exactRef(ref) != null) {
            return false;
        }
        ObjectId tagId;
        try (ObjectInserter inserter = repository().newObjectInserter()) {
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(commit, Constants.OBJ_COMMIT);
            tag.setTag(name);
            tag.setTagger(tagger);
            tag.setMessage(message);
            tagId = inserter.insert(tag);
            inserter.flush();
        }
        RefUpdate update = repository().updateRef(ref);
        update.setNewObjectId(tagId);
        update.setExpectedOldObjectId(ObjectId.zeroId());
        RefUpdate.Result result = update.update();
        if (result == RefUpdate.Result.NEW) {
            return true;
        }
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.REJECTED) {
            return false;
        }
        throw ConfigCicdException.external("cannot create tag " + name + ": " + result,
                "check that the repository is writable (git tag)", null);
    }

    /** Deletes a tag; false when there was none of that name. */
    boolean deleteTag(String name) throws IOException {
        String ref = Constants.R_TAGS + name;
        if (repository().exactRef(ref) == null) {
            return false;
        }
        RefUpdate update = repository().updateRef(ref);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.delete();
        if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
            throw ConfigCicdException.external("cannot delete tag " + name + ": " + result,
                    "delete it yourself: git tag -d " + name, null);
        }
        return true;
    }

    /** A tag found under a prefix: its short name, the commit it leads to, and its message (empty when lightweight). */
    record Tag(String name, RevCommit commit, String message) {
    }

    List<Tag> tags(String prefix) throws IOException {
        List<Ref> refs = repository().getRefDatabase().getRefsByPrefix(Constants.R_TAGS + prefix);
        try (RevWalk walk = new RevWalk(git.objectReader())) {
            List<Tag> out = new java.util.ArrayList<>();
            for (Ref ref : refs) {
                RevObject o = walk.parseAny(ref.getObjectId());
                String message = o instanceof RevTag t ? t.getFullMessage() : "";
                RevObject peeled = walk.peel(o);
                if (peeled instanceof RevCommit c) {
                    out.add(new Tag(ref.getName().substring(Constants.R_TAGS.length()), commit(c), message));
                }
            }
            return out;
        }
    }

    /** The newest commit reachable from {@code head} that changed the configuration's files, as {@code git log -1 -- files}. */
    Optional<RevCommit> lastChange(RevCommit head, Scope scope, String env) throws IOException {
        boolean global = scope == Scope.GLOBAL;
        try (RevWalk walk = new RevWalk(git.objectReader())) {
            walk.setTreeFilter(AndTreeFilter.create(TreeFilter.ANY_DIFF,
                    new ConfigFilesFilter(prefix(), env, global, global)));
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(head));
            RevCommit c = walk.next();
            return c == null ? Optional.empty() : Optional.of(commit(c.getId()));
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
