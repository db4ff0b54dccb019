package io.configcicd.core.history;

import io.configcicd.core.source.ConfigFilesFilter;

import io.configcicd.core.source.RevisionFiles;

import io.configcicd.core.source.RevisionReader;

import io.configcicd.core.source.EffectiveAtRevision;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.diff.Change;
import io.configcicd.core.diff.ConfigDiff;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The commits that changed a configuration, newest first, each with its key-level changes (git's history of
 * the configuration's files, read with JGit; the configuration directory may be any directory of the work tree).
 *
 * <ul>
 *   <li>{@code ENVIRONMENT, E}: the commits that touched {@code environments/E.*}, each with the changes of that
 *       document alone. Every such commit is listed, even one whose change is not key-level (a comment, a
 *       rename to another extension): its changes are then empty.</li>
 *   <li>{@code GLOBAL, E}: the commits that touched {@code global/*} or {@code environments/E.*}, with the
 *       changes of E's effective configuration. A commit that changed no effective value (a base value that E
 *       overrides, a comment, a rename that keeps the merge order) is left out. At a commit where E has no
 *       override document, its effective configuration is the base documents alone.</li>
 *   <li>Commits are those of {@code git log -- <files>}: a merge is walked through like git does (it is listed
 *       only if it differs from every parent in those files) and its changes are those from its first parent
 *       that no other parent already had, so what a branch brought in is listed once, with the branch's own
 *       commits. A merge left with no change of its own is left out. The root commit adds everything.</li>
 *   <li>In a shallow clone the walk ends at the boundary commits, whose parents were not fetched: such a commit is
 *       listed with {@link HistoryEntry#historyCutOff()} and no changes (what it changed is unknown), never as a
 *       root commit that added everything.</li>
 *   <li>Secrets are never in a change ({@link ConfigDiff}); secret keys are the union of those given here and
 *       those of the settings files of the commit and its parents. Every value of every entry, and every commit
 *       message, is masked with the secrets of every revision the history read: a secret of one commit that
 *       another commit copied under an ordinary key is masked there too.</li>
 * </ul>
 */
public final class ConfigHistory {

    private final List<String> extraSecretKeys;
    private final Function<SecretMasker, ConfigDiff> diffs;

    /** A history with the secret keys of the committed settings files and the default secret fingerprint. */
    public ConfigHistory() {
        this(ConfigDiff::new, List.of());
    }

    /**
     * @param extraSecretKeys secret key patterns added to those of the committed settings (for example the work
     *                        tree's {@code Settings.secretKeys()})
     * @param fingerprint     the fingerprint function that decides whether a secret was rotated
     */
    public ConfigHistory(Collection<String> extraSecretKeys, Function<String, String> fingerprint) {
        this(masker -> new ConfigDiff(masker, fingerprint), List.copyOf(extraSecretKeys));
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    private ConfigHistory(Function<SecretMasker, ConfigDiff> diffs, List<String> extraSecretKeys) {
        this.extraSecretKeys = extraSecretKeys;
        this.diffs = diffs;
    }

    /**
     * The history of configuration ({@code scope}, {@code name}) of the configuration directory {@code configDir},
     * newest first.
     *
     * @param limit at most this many entries; 0 or less for all
     * @throws ConfigCicdException bad input when the directory is in no git repository, when the name is invalid,
     *                             or when the environment exists neither at HEAD nor in any commit
     */
    public List<HistoryEntry> history(Path configDir, Scope scope, String name, int limit) {
        Objects.requireNonNull(scope, "scope");
        ConfigDirectory.checkName(name, "environment");
        try (EffectiveAtRevision at = EffectiveAtRevision.open(configDir)) {
            Optional<RevCommit> head = at.git().head();
            if (head.isEmpty()) {
                return List.of();
            }
            requireKnown(at, head.get(), name);
            return walk(at, head.get(), scope, name, limit);
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    private List<HistoryEntry> walk(EffectiveAtRevision at, RevCommit head, Scope scope, String name, int limit)
            throws IOException {
        List<HistoryEntry> out = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        try (RevWalk walk = pathWalk(at.git(), name, scope == Scope.GLOBAL)) {
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c = walk.next(); c != null && (limit <= 0 || out.size() < limit); c = walk.next()) {
                entry(at, at.git().commit(c), scope, name, secrets).ifPresent(out::add);
            }
        }
        OutputMasker hide = OutputMasker.builder(new SecretMasker(List.of())).addValues(secrets).build();
        return out.stream().map(e -> e.maskedWith(hide)).toList();
    }

    /** A walk of the commits that touched the configuration's files, newest first, as {@code git log -- files}. */
    private static RevWalk pathWalk(RevisionReader git, String name, boolean globals) {
        RevWalk walk = new RevWalk(git.objectReader());
        walk.setTreeFilter(AndTreeFilter.create(TreeFilter.ANY_DIFF,
                new ConfigFilesFilter(git.prefix(), name, globals, false)));
        walk.sort(RevSort.COMMIT_TIME_DESC);
        return walk;
    }

    private void requireKnown(EffectiveAtRevision at, RevCommit head, String name) throws IOException {
        if (at.exists(at.git().files(head, name), name, "HEAD")) {
            return;
        }
        try (RevWalk walk = pathWalk(at.git(), name, false)) {
            walk.markStart(walk.parseCommit(head));
            if (walk.next() == null) {
                throw ConfigCicdException.badInput(
                        "unknown environment '" + name + "': it exists neither at HEAD nor in any commit",
                        "environments at HEAD: " + String.join(", ", at.environments("HEAD"))
                                + "; history reads committed files (git add and commit " + at.git().prefix() + "environments/"
                                + name + ".yaml)");
            }
        }
    }

    /** The entry of one commit; adds the secrets of every revision it reads to {@code secrets}. */
    private Optional<HistoryEntry> entry(EffectiveAtRevision at, RevCommit commit, Scope scope, String name,
                                         Set<String> secrets) throws IOException {
        RevisionReader git = at.git();
        String id = git.shortId(commit);
        if (commit.getParentCount() == 0 && git.isShallowBoundary(commit)) {
            return Optional.of(cutOff(commit, id));
        }
        RevisionFiles files = git.files(commit, name);
        ConfigMap after = at.configuration(files, scope, name, id);
        List<RevCommit> parents = git.parents(commit);
        LinkedHashSet<String> secretKeys = new LinkedHashSet<>(extraSecretKeys);
        secretKeys.addAll(git.settings(files, id).secretKeys());
        List<ConfigMap> before = new ArrayList<>(parents.size());
        for (RevCommit p : parents) {
            String pid = git.shortId(p);
            RevisionFiles pf = git.files(p, name);
            before.add(at.configuration(pf, scope, name, pid));
            secretKeys.addAll(git.settings(pf, pid).secretKeys());
        }
        ConfigDiff diff = diffs.apply(new SecretMasker(List.copyOf(secretKeys)));
        List<ConfigMap> read = new ArrayList<>(before);
        read.add(after);
        OutputMasker readSecrets = diff.secretsOf(read.toArray(ConfigMap[]::new));
        secrets.addAll(readSecrets.values());
        List<Change> changes = diff.diff(before.isEmpty() ? ConfigMap.empty() : before.get(0), after, readSecrets);
        if (parents.size() > 1) {
            changes = ownChanges(changes, after, before.subList(1, before.size()));
        }
        boolean keep = !changes.isEmpty() || scope == Scope.ENVIRONMENT && parents.size() <= 1;
        return keep ? Optional.of(entry(commit, id, changes)) : Optional.empty();
    }

    /** The changes of a merge that no other parent already had: what the merge itself decided. */
    private static List<Change> ownChanges(List<Change> changes, ConfigMap merged, List<ConfigMap> otherParents) {
        List<Change> out = new ArrayList<>(changes.size());
        for (Change c : changes) {
            ConfigNode value = ConfigNodes.at(merged, c.path());
            boolean fromOther = false;
            for (ConfigMap other : otherParents) {
                ConfigNode there = ConfigNodes.at(other, c.path());
                fromOther |= value == null ? there == null : there != null && value.sameValue(there);
            }
            if (!fromOther) {
                out.add(c);
            }
        }
        return out;
    }

    private static HistoryEntry entry(RevCommit commit, String shortId, List<Change> changes) {
        return entry(commit, shortId, changes, false);
    }

    /**
     * The boundary commit of a shallow clone: listed, since it holds the configuration's files, but with no changes,
     * since its parents were not fetched and what it changed is unknown.
     */
    private static HistoryEntry cutOff(RevCommit commit, String shortId) {
        return entry(commit, shortId, List.of(), true);
    }

    private static HistoryEntry entry(RevCommit commit, String shortId, List<Change> changes, boolean cutOff) {
        PersonIdent author = commit.getAuthorIdent();
        String message = commit.getFullMessage();
        int eol = message.indexOf('\n');
        String first = (eol < 0 ? message : message.substring(0, eol)).strip();
        return new HistoryEntry(commit.name(), shortId, author.getName(), author.getEmailAddress(),
                author.getWhenAsInstant(), first, changes, cutOff);
    }
}
