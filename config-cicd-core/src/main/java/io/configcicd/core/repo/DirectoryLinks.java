package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Origin;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Symbolic links inside a configuration directory. A link is followed when it leads to a file inside the
 * directory; one that dangles, loops or leads outside is bad input (exit 2) at the link, naming its target and what
 * to do, wherever it is on the way to a file ({@code global} itself, or {@code environments/staging.yaml}). Never
 * skipped silently: a skipped link would make {@code environments/staging.yaml} look missing while it is there.
 */
public final class DirectoryLinks {

    private DirectoryLinks() {
    }

    /**
     * Whether a directory entry is one a folder listing offers as a file: a regular file, or a symbolic link that
     * does not lead to a directory (a broken one included, so that reading it reports the link).
     */
    public static boolean isFileEntry(Path entry) {
        BasicFileAttributes own = lstat(entry);
        if (own == null) {
            return false;
        }
        return own.isRegularFile() || own.isSymbolicLink() && !Files.isDirectory(entry);
    }

    /**
     * Follows {@code relative} (normalized, inside {@code root}) from the real path {@code root}, one name at a time,
     * and checks every symbolic link on the way.
     *
     * @return the real path of the file, or where it would be when it does not exist (yet)
     * @throws ConfigCicdException bad input at the first link that dangles, loops or leads outside {@code root}
     */
    public static Path follow(Path root, String relative) {
        Path current = root;
        Path rest = Path.of(relative);
        int names = rest.getNameCount();
        for (int i = 0; i < names; i++) {
            Path next = current.resolve(rest.getName(i).toString());
            BasicFileAttributes own = lstat(next);
            if (own == null) {
                return i + 1 < names ? next.resolve(rest.subpath(i + 1, names).toString()) : next;
            }
            String link = rest.subpath(0, i + 1).toString().replace('\\', '/');
            current = own.isSymbolicLink() ? target(root, link, next) : next;
        }
        return current;
    }

    /** The real path a link leads to, checked to be inside {@code root}. */
    private static Path target(Path root, String link, Path path) {
        String target = readLink(path);
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw ConfigCicdException.badInput(Origin.file(link), "a symbolic link to '" + target
                    + "', which does not exist", "point the link at something that exists inside the "
                    + "configuration directory, put the file itself in its place, or delete the link");
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "" : e.getReason();
            String problem = reason.contains("symbolic links") ? "a symbolic link to '" + target
                    + "' in a loop of symbolic links that never reaches a file"
                    : "a symbolic link to '" + target + "' that cannot be followed: " + reason;
            throw ConfigCicdException.badInput(Origin.file(link), problem, "point the link at a file inside the "
                    + "configuration directory, put the file itself in its place, or delete the link");
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot follow the symbolic link " + link + ": " + e.getMessage(),
                    "check permissions", e);
        }
        if (!real.startsWith(root)) {
            throw ConfigCicdException.badInput(Origin.file(link), "a symbolic link to '" + target + "', which leads "
                    + "outside the configuration directory", "configuration is read only from inside the configuration "
                    + "directory: copy the file into it instead of linking to it");
        }
        return real;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    private static BasicFileAttributes lstat(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }
}
