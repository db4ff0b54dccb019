package io.configcicd.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The directories of a goal: the configuration directory ({@code config.dir}, default {@value #DEFAULT_CONFIG_DIR}
 * under the project's base directory), the report directory, and how the log names paths.
 *
 * @param basedir         the project's base directory
 * @param configDir       {@code config.dir} when it was set (property or plugin configuration)
 * @param reportDirectory {@code config.reportDirectory}
 * @param log             the Maven log, for the line that says a project without a configuration directory is skipped
 */
record MojoDirectories(File basedir, Optional<File> configDir, File reportDirectory, Log log) {

    /** The directory name used when {@code config.dir} is not set. */
    static final String DEFAULT_CONFIG_DIR = "configuration";

    /** The configuration directory, absolute. */
    Path configDirectory() {
        File dir = configDir.orElseGet(() -> new File(basedir, DEFAULT_CONFIG_DIR));
        if (!dir.isAbsolute()) {
            dir = new File(basedir, dir.getPath());
        }
        return dir.toPath().toAbsolutePath().normalize();
    }

    /**
     * The configuration directory when it exists. A missing default directory is not an error: the goal logs
     * {@code no configuration directory at configuration, nothing to <verb>} and returns empty, so a reactor where
     * only some modules have one works. A missing directory that {@code config.dir} names fails the build.
     *
     * @param verb what the goal would have done, for the log line ({@code validate}, {@code assess})
     */
    Optional<Path> existingConfigDirectory(String verb) throws MojoFailureException {
        Path dir = configDirectory();
        if (Files.isDirectory(dir)) {
            return Optional.of(dir);
        }
        if (configDir.isPresent()) {
            throw new MojoFailureException("configuration directory " + dir
                    + " does not exist or is not a directory (set by config.dir / <configDir>)");
        }
        log.info("config-cicd: no configuration directory at " + display(dir) + ", nothing to " + verb);
        return Optional.empty();
    }

    /** The report directory, absolute. */
    Path reports() {
        File dir = reportDirectory.isAbsolute() ? reportDirectory : new File(basedir, reportDirectory.getPath());
        return dir.toPath().toAbsolutePath().normalize();
    }

    /** A path for the log: relative to the project's base directory when it lies inside it. */
    String display(Path path) {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }
}
