package io.configcicd.core.source;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.model.Format;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import io.configcicd.core.repo.git.GitRevisions;
import io.configcicd.core.repo.git.GitWorkTrees;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads a configuration directory's files straight from git's object database (no checkout, no temporary
 * files): the repository that holds the directory, where the directory is in it, commits with their
 * original parents, the configuration files of a commit, and their parsed documents (cached by file name and
 * blob id, so a document unchanged across many commits is parsed once). Not thread safe.
 */
public final class RevisionReader implements AutoCloseable {

    private final Repository repo;
    private final ObjectReader reader;
    private final RevWalk commits;
    private final String prefix;
    private final Map<DocumentKey, ConfigMap> documents = new HashMap<>();
    private final Map<ObjectId, Settings> settings = new HashMap<>();
    private Set<ObjectId> shallow;

    /** Fewer documents than this are parsed one by one: handing work to other threads costs more. */
    private static final int PARALLEL_FROM = 16;

    /** File lists kept: an assessment asks for the same few commits and environments many times. */
    private static final int CACHED_FILE_LISTS = 32;

    /** The files of every environment of a commit; one environment's are taken from them. */
    private record FilesKey(ObjectId commit, String environment) {
    }

    private final Map<FilesKey, RevisionFiles> fileLists = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FilesKey, RevisionFiles> eldest) {
            return size() > CACHED_FILE_LISTS;
        }
    };

    private record DocumentKey(String relative, ObjectId blob, LoadLimits limits) {
    }

    private RevisionReader(Repository repo, String prefix) {
        this.repo = repo;
        this.reader = repo.newObjectReader();
        this.commits = new RevWalk(reader);
        this.prefix = prefix;
    }

    /** Opens the repository whose work tree holds {@code configDir}; bad input when there is none. */
    public static RevisionReader open(Path configDir) {
        Path dir = configDir.toAbsolutePath().normalize();
        Repository repo;
        try {
            repo = GitWorkTrees.open(dir, "versions (history, diff --version) are read from git: run in a git clone "
                    + "of the configuration, or keep versions of a directory without git with backup");
        } catch (IOException e) {
            throw gitFailed(e);
        }
        try {
            String inRepo = GitWorkTrees.pathInWorkTree(repo, dir);
            return new RevisionReader(repo, inRepo.isEmpty() ? "" : inRepo + "/");
        } catch (IOException | RuntimeException e) {
            repo.close();
            throw e instanceof IOException io ? gitFailed(io) : (RuntimeException) e;
        }
    }

    public static ConfigCicdException gitFailed(IOException e) {
        return ConfigCicdException.external("cannot read the git repository: " + e.getMessage(),
                "check that the repository is readable (git status)", e);
    }

    public Repository repository() {
        return repo;
    }

    public ObjectReader objectReader() {
        return reader;
    }

    /** Where the configuration directory is in the repository: {@code ""} or {@code "configuration/"}. */
    public String prefix() {
        return prefix;
    }

    /** The commit HEAD names, if anything has been committed. */
    public Optional<RevCommit> head() throws IOException {
        ObjectId id = repo.resolve(Constants.HEAD + "^{commit}");
        return id == null ? Optional.empty() : Optional.of(commit(id));
    }

    /** The commit a revision names (id, tag, branch, {@code HEAD~2}); bad input when it names none in the clone. */
    public RevCommit commit(String revision) throws IOException {
        return commit(GitRevisions.resolve(repo, revision));
    }

    /**
     * Whether a commit is a boundary of a shallow clone: git shows it without parents because they were not fetched,
     * not because it is a root commit. Whoever reads "no parent" as "nothing came before" asks this first.
     */
    public boolean isShallowBoundary(AnyObjectId commit) throws IOException {
        if (shallow == null) {
            shallow = GitRevisions.shallowCommits(repo);
        }
        return shallow.contains(commit.toObjectId());
    }

    /** A commit with its headers and its original parents (as written, not simplified by a path walk). */
    public RevCommit commit(AnyObjectId id) throws IOException {
        return commits.parseCommit(id);
    }

    /** The parents of a commit as written, each parsed. */
    public List<RevCommit> parents(RevCommit commit) throws IOException {
        RevCommit c = commit(commit);
        List<RevCommit> out = new ArrayList<>(c.getParentCount());
        for (RevCommit p : c.getParents()) {
            out.add(commits.parseCommit(p));
        }
        return out;
    }

    /** An abbreviation of a commit id that is unique in the repository (7 characters or more). */
    public String shortId(AnyObjectId id) throws IOException {
        return reader.abbreviate(id, 7).name();
    }

    /** The configuration files of {@code environment} (null: of every environment) in a commit. */
    public RevisionFiles files(RevCommit commit, String environment) throws IOException {
        FilesKey key = new FilesKey(commit.copy(), null);
        RevisionFiles all = fileLists.get(key);
        if (all == null) {
            all = walkFiles(commit, null);
            fileLists.put(key, all);
        }
        if (environment == null) {
            return all;
        }
        List<RevisionFiles.Blob> overrides = new ArrayList<>(1);
        for (RevisionFiles.Blob b : all.overrides()) {
            if (ConfigFilesFilter.classify(b.relative(), environment) == ConfigFilesFilter.Kind.ENVIRONMENT) {
                overrides.add(b);
            }
        }
        return new RevisionFiles(all.globals(), overrides, all.settings());
    }

    private RevisionFiles walkFiles(RevCommit commit, String environment) throws IOException {
        List<RevisionFiles.Blob> globals = new ArrayList<>();
        List<RevisionFiles.Blob> overrides = new ArrayList<>();
        RevisionFiles.Blob settingsFile = null;
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            walk.setFilter(new ConfigFilesFilter(prefix, environment, true, true));
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                String relative = walk.getPathString().substring(prefix.length());
                RevisionFiles.Blob blob = new RevisionFiles.Blob(relative, walk.getObjectId(0));
                switch (ConfigFilesFilter.classify(relative, environment)) {
                    case GLOBAL -> globals.add(blob);
                    case ENVIRONMENT -> overrides.add(blob);
                    case SETTINGS -> settingsFile = blob;
                }
            }
        }
        globals.sort(Comparator.comparing(RevisionFiles.Blob::relative));
        overrides.sort(Comparator.comparing(RevisionFiles.Blob::relative));
        return new RevisionFiles(globals, overrides, Optional.ofNullable(settingsFile));
    }

    /**
     * The schema documents of a commit's configuration directory ({@code schemas/*} of a configuration format,
     * direct children, hidden files left out, as on disk), in name order.
     */
    public List<RevisionFiles.Blob> schemaFiles(RevCommit commit) throws IOException {
        String dir = prefix + ConfigDirectory.SCHEMAS_DIR + "/";
        List<RevisionFiles.Blob> out = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            walk.setFilter(PathFilter.create(prefix + ConfigDirectory.SCHEMAS_DIR));
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                String name = walk.getPathString().substring(dir.length());
                if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) && name.indexOf('/') < 0
                        && !name.startsWith(".") && Format.ofFileName(name).isPresent()) {
                    out.add(new RevisionFiles.Blob(walk.getPathString().substring(prefix.length()),
                            walk.getObjectId(0)));
                }
            }
        }
        out.sort(Comparator.comparing(RevisionFiles.Blob::relative));
        return out;
    }

    /** The settings of a commit's configuration directory; the defaults when it has no settings file. */
    public Settings settings(RevisionFiles files, String revision) throws IOException {
        if (files.settings().isEmpty()) {
            return Settings.defaults();
        }
        RevisionFiles.Blob blob = files.settings().get();
        Settings s = settings.get(blob.id());
        if (s == null) {
            s = Settings.from(document(blob, LoadLimits.DEFAULT, revision));
            settings.put(blob.id(), s);
        }
        return s;
    }

    /** A parsed document (its top level must be a mapping); a problem names the file and the revision. */
    public ConfigMap document(RevisionFiles.Blob blob, LoadLimits limits, String revision) throws IOException {
        DocumentKey key = new DocumentKey(blob.relative(), blob.id(), limits);
        ConfigMap doc = documents.get(key);
        if (doc == null) {
            try {
                doc = parse(blob, limits);
            } catch (ConfigCicdException e) {
                throw new ConfigCicdException(e.kind(), e.origin(), e.problem() + " (in revision " + revision + ")",
                        e.hint(), e);
            }
            documents.put(key, doc);
        }
        return doc;
    }

    /**
     * Parses the documents of {@code blobs} that are not parsed yet, several at a time: the list is cut into one
     * slice per core, and each slice is read from git with its own object reader (one reader is not thread safe)
     * and parsed. A document that does not load is left for {@link #document} to report, in file order.
     */
    public void prefetch(List<RevisionFiles.Blob> blobs, LoadLimits limits) {
        List<RevisionFiles.Blob> missing = new ArrayList<>();
        for (RevisionFiles.Blob b : blobs) {
            if (!documents.containsKey(new DocumentKey(b.relative(), b.id(), limits))) {
                missing.add(b);
            }
        }
        int n = missing.size();
        int slices = Math.min(n / PARALLEL_FROM, Runtime.getRuntime().availableProcessors());
        if (slices <= 1) {
            return;
        }
        ConfigMap[] parsed = new ConfigMap[n];
        IntStream.range(0, slices).parallel().forEach(slice -> {
            try (ObjectReader own = repo.newObjectReader()) {
                for (int i = n * slice / slices; i < n * (slice + 1) / slices; i++) {
                    parsed[i] = tryParse(own, missing.get(i), limits);
                }
            }
        });
        for (int i = 0; i < n; i++) {
            if (parsed[i] != null) {
                RevisionFiles.Blob b = missing.get(i);
                documents.put(new DocumentKey(b.relative(), b.id(), limits), parsed[i]);
            }
        }
    }

    /** The document, or null when it cannot be read or parsed (reported later by {@link #document}). */
    private static ConfigMap tryParse(ObjectReader own, RevisionFiles.Blob blob, LoadLimits limits) {
        try {
            ObjectLoader loader = own.open(blob.id(), Constants.OBJ_BLOB);
            if (loader.getSize() > limits.maxDocumentBytes()) {
                return null;
            }
            return parse(blob.relative(), loader.getCachedBytes(Integer.MAX_VALUE), limits);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ConfigMap parse(RevisionFiles.Blob blob, LoadLimits limits) throws IOException {
        String relative = blob.relative();
        ObjectLoader loader = reader.open(blob.id(), Constants.OBJ_BLOB);
        if (loader.getSize() > limits.maxDocumentBytes()) {
            throw new ConfigParseException(Origin.file(relative), "file is " + loader.getSize()
                    + " bytes, over the limit of " + limits.maxDocumentBytes(),
                    "split the file, or raise limits.max_document_bytes in " + Settings.FILE_NAME);
        }
        return parse(relative, loader.getCachedBytes(Integer.MAX_VALUE), limits);
    }

    private static ConfigMap parse(String relative, byte[] content, LoadLimits limits) {
        return ConfigDirectory.asMap(Codecs.standard().forFile(relative).parse(content, relative, limits), relative);
    }

    @Override
    public void close() {
        commits.close();
        reader.close();
        repo.close();
    }
}
