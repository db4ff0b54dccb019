package io.configcicd.core.repo.git;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Finding the git repository of a configuration directory and where the directory sits in its work tree: one
 * place for the revision reader, history, backups, diff and the reports' paths. The directory itself need not
 * exist in the work tree.
 */
public final class GitWorkTrees {

    private GitWorkTrees() {
    }

    /**
     * The repository whose work tree holds {@code dir} (JGit, {@code GIT_DIR} honoured).
     *
     * @param hint what to tell a user whose directory is in no git repository
     * @throws ConfigCicdException bad input when there is none or it is bare
     */
    public static Repository open(Path dir, String hint) throws IOException {
        FileRepositoryBuilder builder = find(dir);
        if (builder.getGitDir() == null) {
            throw ConfigCicdException.badInput(dir + " is not inside a git repository", hint);
        }
        Repository repo = builder.build();
        if (repo.isBare()) {
            repo.close();
            throw ConfigCicdException.badInput(dir + " belongs to a bare repository", "run in a clone with a work tree");
        }
        return repo;
    }

    /**
     * Where {@code dir} is in the repository's work tree, with '/' separators: {@code ""} for the top,
     * {@code "configuration"} for a folder.
     *
     * @throws ConfigCicdException bad input when the directory is outside the work tree
     */
    public static String pathInWorkTree(Repository repo, Path dir) throws IOException {
        Path workTree = repo.getWorkTree().toPath().toRealPath();
        Path real = realOrLexical(dir.toAbsolutePath().normalize());
        if (!real.startsWith(workTree)) {
            throw ConfigCicdException.badInput(dir + " is outside the git work tree " + workTree,
                    "pass a --config-dir inside the repository");
        }
        return workTree.relativize(real).toString().replace('\\', '/');
    }

    /** The top of the git work tree that holds {@code dir}, if it is in one (a bare repository has none). */
    public static Optional<Path> workTreeOf(Path dir) {
        FileRepositoryBuilder builder = find(dir);
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.build()) {
            return repo.isBare() ? Optional.empty() : Optional.of(repo.getWorkTree().toPath().toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the configuration directory sits relative to the repository root, as reports name files: the git
     * work tree's top when the directory is in one, else the current directory when it is below it, else
     * nothing (origins stay relative to the configuration directory). For example {@code "configuration/"}.
     */
    public static String repositoryPrefix(Path configDir) {
        try {
            Path real = realOrLexical(configDir.toAbsolutePath().normalize());
            Path top = workTreeOf(real).orElseGet(() -> Path.of("").toAbsolutePath());
            if (!real.startsWith(top) || real.equals(top)) {
                return "";
            }
            return top.relativize(real).toString().replace('\\', '/') + "/";
        } catch (IOException e) {
            return "";
        }
    }

    /** A builder that found the git directory of {@code dir} (or of its nearest existing parent), if there is one. */
    private static FileRepositoryBuilder find(Path dir) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
        builder.findGitDir(existing == null ? null : existing.toFile());
        return builder;
    }

    /** The real path of the longest existing prefix of {@code dir}, followed by the rest as written. */
    static Path realOrLexical(Path dir) throws IOException {
        Path existing = dir;
        Path rest = Path.of("");
        while (!Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        return existing.toRealPath().resolve(rest).normalize();
    }
}
