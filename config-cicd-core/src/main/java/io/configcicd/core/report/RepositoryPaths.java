package io.configcicd.core.report;

import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.git.GitWorkTrees;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one convention for naming files in every output, errors included: relative to the repository root
 * ({@code configuration/global/base.yaml:4:8}), as reports name findings. Origins are kept relative to the
 * configuration directory inside the product (that is how files are read and edited); a front end renders them
 * through the paths of the directory its command opened.
 *
 * @param prefix where the configuration directory sits in the repository, {@code ""} or ending in '/'
 *               ({@link GitWorkTrees#repositoryPrefix})
 */
public record RepositoryPaths(String prefix) {

    /** Names files as they are: for output that is about no configuration directory. */
    public static final RepositoryPaths AS_GIVEN = new RepositoryPaths("");

    public RepositoryPaths {
        Objects.requireNonNull(prefix, "prefix");
        prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** The paths of the configuration directory {@code configDir}: relative to its git work tree, else to the current directory. */
    public static RepositoryPaths of(Path configDir) {
        return new RepositoryPaths(GitWorkTrees.repositoryPrefix(configDir));
    }

    /**
     * A file named relative to the configuration directory, relative to the repository root. A name that is
     * absolute or no file ({@code --value}, a command-line argument) is returned as it is.
     */
    public String file(String relative) {
        if (relative.isEmpty() || relative.startsWith("-") || relative.startsWith("/") || Path.of(relative).isAbsolute()) {
            return relative;
        }
        return path(prefix, Origin.file(relative));
    }

    /** {@code file:line:column} (as {@link Origin#toString()}) with the file relative to the repository root. */
    public String origin(Origin origin) {
        if (!origin.isKnown()) {
            return origin.toString();
        }
        return new Origin(file(origin.file()), origin.line(), origin.column()).toString();
    }

    /** The file of {@code origin} under {@code pathPrefix} (the configuration directory in the repository); "" when unknown. */
    public static String path(String pathPrefix, Origin origin) {
        if (!origin.isKnown()) {
            return "";
        }
        String file = origin.file().replace('\\', '/');
        while (file.startsWith("./")) {
            file = file.substring(2);
        }
        return pathPrefix + file;
    }
}
