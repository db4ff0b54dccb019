package io.configcicd.core.repo.git;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The configuration directory as it was in a commit, read from git's object database (no checkout, the work
 * tree is not touched) into a private temporary directory, so every reader of a configuration directory works
 * on it unchanged and origins name the same relative files as in the work tree. Symbolic links and submodules
 * in the tree are left out, as the work-tree reader refuses links that leave the directory. {@link #close()}
 * deletes the copy.
 */
public final class GitSnapshot implements AutoCloseable {

    private final Path dir;
    private final Path temp;
    private final String commitId;

    private GitSnapshot(Path dir, Path temp, String commitId) {
        this.dir = dir;
        this.temp = temp;
        this.commitId = commitId;
    }

    /**
     * Reads the configuration directory {@code configDir} (a directory of a git work tree) as it was in
     * {@code revision}: a commit id, a tag such as {@code v1.2.3}, a branch or any expression git understands
     * ({@code HEAD~1}).
     *
     * @throws ConfigCicdException bad input when the directory is in no git repository or the revision is unknown
     */
    public static GitSnapshot of(Path configDir, String revision) {
        Path absolute = configDir.toAbsolutePath().normalize();
        try (Repository repo = GitWorkTrees.open(absolute,
                "run in a git clone, or leave out --commit-hash/--branch to validate the files on disk")) {
            String inRepo = GitWorkTrees.pathInWorkTree(repo, absolute);
            ObjectId commit = GitRevisions.resolve(repo, revision);
            Path temp = Files.createTempDirectory("config-cicd-snapshot-");
            try {
                Path target = inRepo.isEmpty() ? temp : temp.resolve(inRepo);
                Files.createDirectories(target);
                copyTree(repo, commit, inRepo, temp);
                return new GitSnapshot(target, temp, commit.name());
            } catch (IOException | RuntimeException e) {
                deleteTree(temp);
                throw e;
            }
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot read revision " + revision + " from git: " + e.getMessage(),
                    "check that the repository is readable (git status)", e);
        }
    }

    /** The configuration directory of the snapshot. */
    public Path dir() {
        return dir;
    }

    /** The full id of the commit the revision named. */
    public String commitId() {
        return commitId;
    }

    @Override
    public void close() {
        deleteTree(temp);
    }

    /** The top of the git work tree that holds {@code dir}, if it is in one. */
    public static Optional<Path> workTreeOf(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
        builder.findGitDir(p == null ? null : p.toFile());
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
            Path real = GitWorkTrees.realOrLexical(configDir.toAbsolutePath().normalize());
            Path top = workTreeOf(real).orElseGet(() -> Path.of("").toAbsolutePath());
            if (!real.startsWith(top) || real.equals(top)) {
                return "";
            }
            return top.relativize(real).toString().replace('\\', '/') + "/";
        } catch (IOException e) {
            return "";
        }
    }

    private static void copyTree(Repository repo, ObjectId commitId, String inRepo, Path temp) throws IOException {
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            RevCommit commit = walk.parseCommit(commitId);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            if (!inRepo.isEmpty()) {
                tree.setFilter(PathFilter.create(inRepo));
            }
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                Path out = temp.resolve(tree.getPathString()).normalize();
                if (!out.startsWith(temp)) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                ObjectLoader loader = repo.open(tree.getObjectId(0), Constants.OBJ_BLOB);
                try (var in = loader.openStream()) {
                    Files.copy(in, out);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
