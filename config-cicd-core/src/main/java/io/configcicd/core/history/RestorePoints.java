package io.configcicd.core.history;

import io.configcicd.core.source.RevisionReader;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.git.GitRevisions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Finds the version a rollback restores and reads the configuration's files there.
 *
 * <ul>
 *   <li>In a git work tree, {@code toVersion} is any revision git understands (commit id, tag such as
 *       {@code v1.2.3} or {@code config-backup/...}, branch, {@code HEAD~2}), or the id of a copy backup. Without
 *       it, the previous version is the first parent of the newest commit that changed the configuration's files
 *       ({@code <id>^}); but when those files have uncommitted changes, it is HEAD: the last committed version.</li>
 *   <li>Elsewhere only backups exist: {@code toVersion} must be a backup id, and the previous version is the
 *       newest backup whose files differ from those on disk.</li>
 * </ul>
 */
final class RestorePoints {

    private RestorePoints() {
    }

    static RestorePoint resolve(Path root, Scope scope, String env, Optional<String> toVersion) {
        if (!BackupGit.applies(root)) {
            return toVersion.map(v -> copy(root, scope, env, v)).orElseGet(() -> previousCopy(root, scope, env));
        }
        try (BackupGit git = BackupGit.open(root)) {
            if (toVersion.isPresent()) {
                return named(git, root, scope, env, toVersion.get());
            }
            return previousCommit(git, root, scope, env);
        } catch (IOException e) {
            throw RevisionReader.gitFailed(e);
        }
    }

    private static RestorePoint named(BackupGit git, Path root, Scope scope, String env, String version)
            throws IOException {
        Optional<RevCommit> commit = git.resolve(version);
        if (commit.isPresent()) {
            return point(git, version, commit.get(), scope, env);
        }
        if (BackupCopies.exists(root, scope, env, version)) {
            return new RestorePoint(version, version, version, BackupCopies.read(root, scope, env, version));
        }
        String hint = GitRevisions.unknown(git.repository(), version,
                "give a commit id, a tag (v1.2.3), a branch or a backup id (config-cicd backup --list; git log --oneline)")
                .hint();
        throw ConfigCicdException.badInput("unknown revision '" + version + "': it names no commit in this clone and no"
                + " backup of " + what(scope, env), hint);
    }

    private static RestorePoint previousCommit(BackupGit git, Path root, Scope scope, String env) throws IOException {
        RevCommit head = git.head().orElseThrow(() -> ConfigCicdException.badInput(
                "nothing is committed yet in the repository of " + root + ", so " + what(scope, env)
                        + " has no previous version", "commit the configuration, or roll back to a backup id"));
        BackupContent atHead = git.content(Optional.of(head), scope, env);
        if (!atHead.sameAs(BackupFiles.onDisk(root, scope, env))) {
            return new RestorePoint("HEAD", head.name(), git.shortId(head), atHead);
        }
        RevCommit last = git.lastChange(head, scope, env).orElseThrow(() -> ConfigCicdException.badInput(
                "no commit changed the files of " + what(scope, env) + ", so it has no previous version",
                "commit " + git.prefix() + "environments/" + env + ".yaml, or roll back to a backup id (config-cicd backup --list)"));
        List<RevCommit> parents = git.parents(last);
        String shortId = git.shortId(last);
        if (parents.isEmpty() && git.isShallowBoundary(last)) {
            throw GitRevisions.historyCutOff("the version of " + what(scope, env) + " before " + shortId + " ("
                    + last.getShortMessage() + ")", shortId, "or roll back to a revision in the clone or a backup id "
                    + "(config-cicd backup --list)");
        }
        if (parents.isEmpty()) {
            throw ConfigCicdException.badInput("no previous version of " + what(scope, env) + ": its files were first"
                            + " committed in " + shortId + " (" + last.getShortMessage() + ") and nothing came before",
                    "roll back to a backup id (config-cicd backup --list)");
        }
        return point(git, shortId + "^", parents.get(0), scope, env);
    }

    private static RestorePoint point(BackupGit git, String version, RevCommit commit, Scope scope, String env)
            throws IOException {
        return new RestorePoint(version, commit.name(), git.shortId(commit),
                git.content(Optional.of(commit), scope, env));
    }

    private static RestorePoint copy(Path root, Scope scope, String env, String id) {
        if (!BackupCopies.exists(root, scope, env, id)) {
            throw ConfigCicdException.badInput("'" + id + "': not a git repository: roll back to a backup id"
                    + " (config-cicd backup --list)", root + " is not in a git work tree, so versions are the backups of "
                    + what(scope, env) + ": " + ids(root, scope, env));
        }
        return new RestorePoint(id, id, id, BackupCopies.read(root, scope, env, id));
    }

    private static RestorePoint previousCopy(Path root, Scope scope, String env) {
        BackupContent disk = BackupFiles.onDisk(root, scope, env);
        for (Backup b : BackupCopies.list(root, scope, env)) {
            BackupContent content = BackupCopies.read(root, scope, env, b.id());
            if (!content.sameAs(disk)) {
                return new RestorePoint(b.id(), b.id(), b.id(), content);
            }
        }
        throw ConfigCicdException.badInput("no previous version of " + what(scope, env) + ": " + root + " is not a git"
                        + " repository and no backup of it differs from the files on disk",
                "backups are taken before every set, --fix, rollback and deploy, or with config-cicd backup; "
                        + "put the directory under git to keep every version");
    }

    private static String ids(Path root, Scope scope, String env) {
        List<String> ids = BackupCopies.list(root, scope, env).stream().map(Backup::id).toList();
        return ids.isEmpty() ? "none yet (config-cicd backup --scope " + scope.word() + " --name " + env + ")"
                : String.join(", ", ids);
    }

    static String what(Scope scope, String env) {
        return scope.word() + "/" + env;
    }
}
