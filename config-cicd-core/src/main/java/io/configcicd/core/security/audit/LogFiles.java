package io.configcicd.core.security.audit;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of one audit log (the log, its head and its lock) and the folders that lead to them, none of which may
 * be a symbolic link: a link would let whoever can write the configuration directory send the audit trail into
 * another file (one they can rewrite, or {@code /dev/null}) and have {@code audit verify} check that file instead.
 *
 * @param log  the log file
 * @param base the folder from which every name down to the log is checked (the configuration directory for a log
 *             inside it; the audit folder's parent for a log given as an absolute path); itself not checked
 */
record LogFiles(Path log, Path base) {

    LogFiles {
        log = log.toAbsolutePath().normalize();
        base = base.toAbsolutePath().normalize();
        if (!log.startsWith(base) || log.equals(base)) {
            base = log.getParent().getParent() == null ? log.getParent() : log.getParent().getParent();
        }
    }

    /** The files of a log given alone: its folder and the files in it are checked. */
    static LogFiles of(Path logFile) {
        Path log = logFile.toAbsolutePath().normalize();
        Path parent = log.getParent();
        return new LogFiles(log, parent.getParent() == null ? parent : parent.getParent());
    }

    Path head() {
        return AuditSettings.headFile(log);
    }

    Path lock() {
        return AuditSettings.lockFile(log);
    }

    /** The first symbolic link among the folders from {@link #base} to the log and the log's files; empty when none. */
    Optional<Path> firstLink() {
        List<Path> checked = new ArrayList<>();
        Path rel = base.relativize(log.getParent());
        Path p = base;
        for (Path name : rel) {
            if (!name.toString().isEmpty()) {
                p = p.resolve(name.toString());
                checked.add(p);
            }
        }
        checked.add(log);
        checked.add(head());
        checked.add(lock());
        return checked.stream().filter(Files::isSymbolicLink).findFirst();
    }

    /**
     * @throws ConfigCicdException (external) when a symbolic link is on the way to the log or is one of its files
     */
    void refuseLinks() {
        Optional<Path> link = firstLink();
        if (link.isPresent()) {
            throw ConfigCicdException.external("the audit log is not written through a symbolic link: " + link.get()
                    + " is one (to " + target(link.get()) + ")", "replace the link by a real folder or file, or point "
                    + "audit.path in config-cicd.yaml at the real place", null);
        }
    }

    static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }
}
