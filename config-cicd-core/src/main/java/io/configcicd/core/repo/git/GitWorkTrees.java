package io.configcicd.core.repo.git;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Finding the git repository of a configuration directory and where the directory sits in its work tree: one
 * place for the snapshot reader, history and diff. The directory itself need not exist in the work tree.
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
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
        builder.findGitDir(existing == null ? null : existing.toFile());
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
