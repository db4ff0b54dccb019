package io.configcicd.core.source;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.DirectoryProblem;
import io.configcicd.core.repo.EnvironmentFiles;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.repo.git.GitRevisions;
import io.configcicd.core.source.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedMap;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Configurations as they were in a git revision, read straight from git's objects (no checkout, no temporary
 * files). Origins name the same files as in the work tree ({@code global/base.yaml}), so a diff against the
 * work tree reads naturally. Several reads share parsed documents; {@link #close()} releases the repository.
 * Not thread safe: use one instance per thread.
 *
 * <pre>
 * try (EffectiveAtRevision at = EffectiveAtRevision.open(Path.of("configuration"))) {
 *     ConfigMap then = at.effective("v1.2.3", "production");
 * }
 * </pre>
 */
public final class EffectiveAtRevision implements AutoCloseable {

    private static final int CACHED_CONFIGURATIONS = 16;

    private final RevisionReader git;
    private final Map<List<RevisionFiles.Blob>, ConfigMap> merged = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<RevisionFiles.Blob>, ConfigMap> eldest) {
            return size() > CACHED_CONFIGURATIONS;
        }
    };

    private EffectiveAtRevision(RevisionReader git) {
        this.git = git;
    }

    /**
     * Opens the repository that holds the configuration directory {@code configDir}.
     *
     * @throws ConfigCicdException bad input when the directory is in no git work tree
     */
    public static EffectiveAtRevision open(Path configDir) {
        return new EffectiveAtRevision(RevisionReader.open(configDir));
    }

    /** One-shot {@link #effective(String, String)}. */
    public static ConfigMap of(Path configDir, String revision, String environment) {
        try (EffectiveAtRevision at = open(configDir)) {
            return at.effective(revision, environment);
        }
    }

    /** The full id of the commit a revision names. */
    public String commitId(String revision) {
        try {
            return git.commit(revision).name();
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    /**
     * The full id of the first parent of the commit a revision names; empty for a root commit.
     *
     * @throws ConfigCicdException bad input when the revision is unknown, or when the commit is the boundary of a
     *                             shallow clone: it has a parent, but the parent was not fetched
     */
    public Optional<String> firstParent(String revision) {
        try {
            RevCommit commit = git.commit(revision);
            if (commit.getParentCount() > 0) {
                return Optional.of(commit.getParent(0).name());
            }
            if (git.isShallowBoundary(commit)) {
                String id = git.shortId(commit);
                throw GitRevisions.historyCutOff("the parent of " + id + (revision.equals(commit.name()) ? "" : " ("
                        + revision + ")"), id, "or name a base commit that is in the clone");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    /**
     * The effective configuration of {@code environment} in {@code revision}: {@code global/*} in name order,
     * then {@code environments/<environment>.*}, as they were committed.
     *
     * @throws ConfigCicdException bad input when the revision is unknown, or when the environment did not exist
     *                             in it (no override document and not declared in the settings file)
     */
    public ConfigMap effective(String revision, String environment) {
        return configuration(revision, Scope.GLOBAL, environment);
    }

    /**
     * {@code GLOBAL}: the effective configuration of environment {@code name}; {@code ENVIRONMENT}: its override
     * document alone (empty when the environment is declared in the settings but has no document).
     */
    public ConfigMap configuration(String revision, Scope scope, String name) {
        Objects.requireNonNull(scope, "scope");
        ConfigDirectory.checkName(name, "environment");
        try {
            RevCommit commit = git.commit(revision);
            RevisionFiles files = git.files(commit, name);
            if (!exists(files, name, revision)) {
                throw ConfigCicdException.badInput("environment '" + name + "' does not exist at " + revision,
                        "environments at " + revision + ": " + describe(environments(commit, revision))
                                + "; compare with a revision where " + git.prefix() + "environments/" + name + ".* exists");
            }
            return configuration(files, scope, name, revision);
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    /** The settings file as it was in a revision; the defaults when there was none. */
    public Settings settings(String revision) {
        try {
            RevCommit commit = git.commit(revision);
            return git.settings(git.files(commit, null), revision);
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    /** The environments of a revision: those with an override document and those its settings declare, sorted. */
    public List<String> environments(String revision) {
        try {
            return environments(git.commit(revision), revision);
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    /**
     * The configuration directory as it was in {@code revision}, for a validator: read from
     * git's objects, documents shared with this reader's other reads. Valid while this reader is open.
     *
     * @throws ConfigCicdException bad input when the revision is unknown
     */
    public Snapshot validationSource(String revision) {
        String id = commitId(revision);
        return new Snapshot() {
            @Override
            public Settings settings() {
                return EffectiveAtRevision.this.settings(id);
            }

            @Override
            public List<String> environments() {
                return EffectiveAtRevision.this.environments(id);
            }

            @Override
            public ConfigMap effective(String environment) {
                return EffectiveAtRevision.this.effective(id, environment);
            }

            @Override
            public Map<String, ConfigMap> schemaDocuments() {
                try {
                    Map<String, ConfigMap> out = new LinkedHashMap<>();
                    for (RevisionFiles.Blob b : git.schemaFiles(git.commit(id))) {
                        out.put(b.relative(), git.document(b, settings().limits(), revision));
                    }
                    return out;
                } catch (IOException e) {
                    throw RevisionReader.gitFailed(e);
                }
            }

            @Override
            public List<DirectoryProblem> problems() {
                return EffectiveAtRevision.this.problems(id);
            }

            @Override
            public String describe() {
                return "the configuration directory at " + revision;
            }

            @Override
            public Optional<String> revision() {
                return Optional.of(id);
            }
        };
    }

    /**
     * The files of a revision anywhere in the repository whose path (relative to the repository root, '/'
     * separators) {@code include} accepts, each at most {@code maxBytes} long (larger ones are left out), by path.
     * For the source files that read configuration keys ({@code io.configcicd.core.impact.ConsumerScan}).
     */
    public SortedMap<String, byte[]> repositoryFiles(String revision, Predicate<String> include, long maxBytes) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(git.objectReader())) {
            walk.addTree(git.commit(revision).getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)
                        && include.test(walk.getPathString())) {
                    ObjectLoader loader = git.objectReader().open(walk.getObjectId(0), Constants.OBJ_BLOB);
                    if (loader.getSize() <= maxBytes) {
                        out.put(walk.getPathString(), loader.getCachedBytes((int) maxBytes));
                    }
                }
            }
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
        return out;
    }

    // ----------------------------------------------------------------- shared with ConfigHistory

    public RevisionReader git() {
        return git;
    }

    public boolean exists(RevisionFiles files, String environment, String revision) throws IOException {
        return !files.overrides().isEmpty() || git.settings(files, revision).environment(environment).isPresent();
    }

    /**
     * A configuration from a commit's files, whether or not the environment exists there: for {@code GLOBAL}
     * without an override document it is the base documents alone; for {@code ENVIRONMENT} an empty mapping.
     */
    public ConfigMap configuration(RevisionFiles files, Scope scope, String name, String revision) throws IOException {
        var limits = git.settings(files, revision).limits();
        if (scope == Scope.ENVIRONMENT) {
            var doc = files.override(name, revision);
            return doc.isEmpty() ? ConfigMap.empty() : git.document(doc.get(), limits, revision);
        }
        List<RevisionFiles.Blob> layers = files.effectiveLayers(name, revision);
        ConfigMap cached = merged.get(layers);
        if (cached == null) {
            git.prefetch(layers, limits);
            List<ConfigMap> docs = new ArrayList<>(layers.size());
            for (RevisionFiles.Blob b : layers) {
                docs.add(git.document(b, limits, revision));
            }
            cached = Merger.merge(docs);
            merged.put(layers, cached);
        }
        return cached;
    }

    /** As {@code ConfigDirectory#environments}: a file that is no environment's document names none. */
    private List<String> environments(RevCommit commit, String revision) throws IOException {
        RevisionFiles all = git.files(commit, null);
        EnvironmentFiles files = environmentFiles(all);
        TreeSet<String> names = new TreeSet<>(files.environments());
        git.settings(all, revision).environments().forEach(e -> names.add(e.name()));
        names.removeAll(files.duplicated());
        return List.copyOf(names);
    }

    /** The files of a revision's {@code environments/} that are no environment's override document, by file name. */
    public List<DirectoryProblem> problems(String revision) {
        try {
            return environmentFiles(git.files(git.commit(revision), null)).problems();
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    private static EnvironmentFiles environmentFiles(RevisionFiles all) {
        return EnvironmentFiles.of(all.overrides().stream().map(RevisionFiles.Blob::relative).toList());
    }

    private static String describe(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    @Override
    public void close() {
        git.close();
    }
}
