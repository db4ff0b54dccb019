package io.configcicd.core.security.audit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.repo.Settings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code audit:} section of {@code config-cicd.yaml}; everything optional:
 *
 * <pre>
 * audit:
 *   enabled: true                          # default true; false writes no audit log at all
 *   path: .config-cicd/audit/audit.jsonl   # the default
 * </pre>
 *
 * <p>{@code path} is either relative, resolved against the configuration directory and required to stay
 * inside it ({@code ..} may not lead out), or absolute, for a log kept outside the repository (a
 * dedicated volume, a directory the CI user may append to but others may not). The head file sits beside
 * the log: {@code audit.jsonl} has {@code audit.head}, any other name gets {@code .head} appended; the
 * lock file likewise {@code .lock}.
 *
 * @param enabled whether events are written
 * @param path    the log's path as written (relative or absolute)
 * @param origin  where the path was written; {@link Origin#UNKNOWN} for the default
 */
public record AuditSettings(boolean enabled, String path, Origin origin) {

    /** The log's place in the configuration directory unless the settings move it. */
    public static final String DEFAULT_PATH = ".config-cicd/audit/audit.jsonl";

    public static final AuditSettings DEFAULT = new AuditSettings(true, DEFAULT_PATH, Origin.UNKNOWN);

    public AuditSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
    }

    /** Reads {@code audit:} of a settings document ({@link Settings#raw()}); the defaults when it is absent. */
    public static AuditSettings from(ConfigMap settings) {
        ConfigNode node = settings.getOrNull("audit");
        if (node == null || node.isNull()) {
            return DEFAULT;
        }
        if (!(node instanceof ConfigMap section)) {
            throw wrong(node, "audit", "a mapping", "audit: {enabled: true, path: " + DEFAULT_PATH + "}");
        }
        boolean enabled = true;
        String path = DEFAULT_PATH;
        Origin origin = Origin.UNKNOWN;
        for (Map.Entry<String, ConfigNode> e : section.entries().entrySet()) {
            ConfigNode v = e.getValue();
            switch (e.getKey()) {
                case "enabled" -> enabled = bool(v);
                case "path" -> {
                    path = text(v);
                    origin = v.origin();
                }
                default -> throw ConfigCicdException.badInput(section.keyOrigin(e.getKey()),
                        Settings.FILE_NAME + ": unknown field 'audit." + e.getKey() + "'",
                        "the fields of audit are enabled and path");
            }
        }
        AuditSettings s = new AuditSettings(enabled, path, origin);
        s.checkPath(origin);
        return s;
    }

    /** The log file of a configuration directory. */
    public Path logFile(Path configDirectory) {
        Path root = configDirectory.toAbsolutePath().normalize();
        Path p = Path.of(path);
        return p.isAbsolute() ? p.normalize() : root.resolve(p).normalize();
    }

    /** The head file that goes with a log file. */
    public static Path headFile(Path logFile) {
        return sibling(logFile, ".head");
    }

    /** The lock file that serialises appends to a log file. */
    public static Path lockFile(Path logFile) {
        return sibling(logFile, ".lock");
    }

    private static Path sibling(Path logFile, String extension) {
        String name = logFile.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return logFile.resolveSibling(base + extension);
    }

    private void checkPath(Origin at) {
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            throw ConfigCicdException.badInput(at, Settings.FILE_NAME + ": audit.path '" + path
                    + "' is not a valid path: " + e.getReason(), "write a relative path such as " + DEFAULT_PATH);
        }
        Path normal = p.normalize();
        if (path.isBlank() || path.endsWith("/") || normal.getFileName() == null
                || normal.toString().isEmpty()) {
            throw ConfigCicdException.badInput(at, Settings.FILE_NAME + ": audit.path '" + path
                    + "' does not name a file", "write a file path such as " + DEFAULT_PATH);
        }
        if (!p.isAbsolute() && normal.startsWith("..")) {
            throw ConfigCicdException.badInput(at, Settings.FILE_NAME + ": audit.path '" + path
                    + "' leads outside the configuration directory",
                    "use a path inside the configuration directory, or an absolute path");
        }
    }

    private static boolean bool(ConfigNode n) {
        if (n instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN) {
            return (Boolean) s.value();
        }
        throw wrong(n, "audit.enabled", "true or false", "enabled: true");
    }

    private static String text(ConfigNode n) {
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return (String) s.value();
        }
        throw wrong(n, "audit.path", "a string", "path: " + DEFAULT_PATH);
    }

    private static ConfigCicdException wrong(ConfigNode n, String where, String expected, String example) {
        return ConfigCicdException.badInput(n.origin(), Settings.FILE_NAME + ": " + where + " must be " + expected
                + ", found " + n.typeName(), "write " + example);
    }
}
