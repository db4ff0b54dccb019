package io.configcicd.core.history;

import io.configcicd.core.source.ConfigFilesFilter;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.DirectoryLinks;
import io.configcicd.core.repo.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files that make up one configuration on disk: for {@code ENVIRONMENT, E} the override documents
 * {@code environments/E.*}; for {@code GLOBAL, E} also the base documents {@code global/*} and the settings file.
 * Files are selected as the directory reader selects them (direct children, known formats, no hidden files).
 */
final class BackupFiles {

    private BackupFiles() {
    }

    /** Whether a path relative to the configuration directory belongs to configuration ({@code scope}, {@code env}). */
    static boolean inScope(String relative, Scope scope, String env) {
        ConfigFilesFilter.Kind kind = ConfigFilesFilter.classify(relative, env);
        return kind == ConfigFilesFilter.Kind.ENVIRONMENT || scope == Scope.GLOBAL && kind != null;
    }

    /** The configuration's files as they are on disk now. */
    static BackupContent onDisk(Path configDir, Scope scope, String env) {
        ConfigDirectory.checkName(env, "environment");
        Path root = realRoot(configDir);
        List<String> names = new ArrayList<>();
        if (scope == Scope.GLOBAL) {
            names.addAll(list(root, ConfigDirectory.GLOBAL_DIR, scope, env));
            if (DirectoryLinks.isFileEntry(root.resolve(Settings.FILE_NAME))) {
                names.add(Settings.FILE_NAME);
            }
        }
        names.addAll(list(root, ConfigDirectory.ENVIRONMENTS_DIR, scope, env));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, read(root, name));
        }
        return new BackupContent(files);
    }

    static Path realRoot(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            throw ConfigCicdException.badInput("configuration directory " + configDir + " does not exist",
                    "pass --config-dir DIR pointing at the directory that holds global/ and environments/");
        }
        try {
            return configDir.toRealPath();
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot open " + configDir + ": " + e.getMessage(), "check permissions", e);
        }
    }

    private static List<String> list(Path root, String folder, Scope scope, String env) {
        Path dir = DirectoryLinks.follow(root, folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(DirectoryLinks::isFileEntry)
                    .map(p -> folder + "/" + p.getFileName())
                    .filter(n -> inScope(n, scope, env))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot list " + dir + ": " + e.getMessage(), "check permissions", e);
        }
    }

    private static byte[] read(Path root, String relative) {
        Path p = DirectoryLinks.follow(root, relative);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot read " + p + ": " + e.getMessage(), "check permissions", e);
        }
    }

    /** The SHA-256 of some bytes, in lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A backup label made safe for a tag or folder name: letters, digits, '_' and '-'; {@code manual} when empty. */
    static String safeLabel(String label) {
        String s = label == null ? "" : label.strip().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "manual" : s;
    }
}
