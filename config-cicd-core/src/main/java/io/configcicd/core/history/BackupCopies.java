package io.configcicd.core.history;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.AtomicFiles;
import io.configcicd.core.repo.ConfigDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Backups of a directory that is not in git: a copy of the configuration's files in
 * {@code .config-cicd/backups/<scope>-<name>/<yyyyMMdd-HHmmss>-<label>[-n]/}, relative paths kept, with a
 * {@code manifest.json} of the time, the label and each file's SHA-256. A backup is written in a hidden folder
 * and renamed into place, so a half-written one is never listed. In a git work tree, a backup whose files would
 * write a plaintext secret into git is kept here too ({@link ConfigBackup}). Folders are mode 0700 and files 0600
 * (where the file system has POSIX permissions), and {@code .config-cicd/backups/.gitignore} ignores them all.
 */
final class BackupCopies {

    static final String MANIFEST = "manifest.json";
    private static final Pattern ID = Pattern.compile("[0-9]{8}-[0-9]{6}-[A-Za-z0-9_-]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final byte[] IGNORE_ALL = ("# config-cicd: backups outside git, which may hold secrets never"
            + " committed; never commit them\n*\n").getBytes(StandardCharsets.UTF_8);

    private BackupCopies() {
    }

    static Path folder(Path root, Scope scope, String env) {
        return root.resolve(ConfigDirectory.STATE_DIR).resolve("backups").resolve(scope.word() + "-" + env);
    }

    static Backup create(Path root, Scope scope, String env, String label, String stampedName, Instant now,
                         BackupContent files) {
        Path parent = folder(root, scope, env);
        Path temp = parent.resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            guard(parent.getParent());
            ownerOnly(parent, true);
            ownerOnly(temp, true);
            for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
                Path out = temp.resolve(f.getKey());
                Files.createDirectories(out.getParent());
                ownerOnly(out.getParent(), true);
                Files.write(out, f.getValue());
                ownerOnly(out, false);
            }
            Files.write(temp.resolve(MANIFEST), manifest(scope, env, label, now, files));
            ownerOnly(temp.resolve(MANIFEST), false);
            for (int n = 1; ; n++) {
                String id = n == 1 ? stampedName : stampedName + "-" + n;
                if (moved(temp, parent.resolve(id))) {
                    return new Backup(id, now, label, Backup.Kind.COPY, files.names());
                }
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw ConfigCicdException.external("cannot write a backup under " + parent + ": " + e.getMessage(),
                    "check that the configuration directory is writable and the disk is not full", e);
        }
    }

    /**
     * Makes the folder of all backups readable by its owner only and ignored by git ({@code .gitignore}: {@code *}),
     * so that a {@code git add -A} never commits a copy, which may hold a secret that was never committed.
     */
    private static void guard(Path backups) throws IOException {
        ownerOnly(backups, true);
        Path ignore = backups.resolve(".gitignore");
        if (!Files.exists(ignore, LinkOption.NOFOLLOW_LINKS)) {
            AtomicFiles.write(ignore, IGNORE_ALL);
        }
    }

    /** Mode 0700 for a folder, 0600 for a file, where the file system has POSIX permissions. */
    private static void ownerOnly(Path p, boolean folder) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(p, folder ? FOLDER_MODE : FILE_MODE);
        }
    }

    private static boolean moved(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            return false;
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            return false;
        } catch (FileSystemException e) {
            if (Files.exists(to)) {
                return false;
            }
            throw e;
        }
    }

    private static byte[] manifest(Scope scope, String env, String label, Instant now, BackupContent files) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", 1);
        m.put("scope", scope.word());
        m.put("name", env);
        m.put("label", label);
        m.put("time", now.toString());
        ArrayNode list = m.putArray("files");
        files.files().forEach((name, bytes) -> list.addObject().put("path", name).put("sha256", BackupFiles.sha256(bytes)));
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The copies of a configuration, newest first; folders without a readable manifest are left out. */
    static List<Backup> list(Path root, Scope scope, String env) {
        Path parent = folder(root, scope, env);
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(Files::isDirectory).toList()) {
                String id = p.getFileName().toString();
                if (ID.matcher(id).matches()) {
                    readManifest(p).ifPresent(m -> out.add(backup(id, m)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Backup::time).thenComparing(Backup::id, ConfigBackup.ID_ORDER).reversed());
        return List.copyOf(out);
    }

    private static Backup backup(String id, JsonNode m) {
        List<String> files = new ArrayList<>();
        m.path("files").forEach(f -> files.add(f.path("path").asString()));
        return new Backup(id, Instant.parse(m.path("time").asString()), m.path("label").asString(), Backup.Kind.COPY, files);
    }

    private static Optional<JsonNode> readManifest(Path folder) {
        try {
            JsonNode m = JSON.readTree(Files.readAllBytes(folder.resolve(MANIFEST)));
            Instant.parse(m.path("time").asString());
            return Optional.of(m);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code id} names a copy of this configuration. */
    static boolean exists(Path root, Scope scope, String env, String id) {
        return ID.matcher(id).matches() && Files.isRegularFile(folder(root, scope, env).resolve(id).resolve(MANIFEST));
    }

    /** The files of a copy, each checked against the manifest's SHA-256. */
    static BackupContent read(Path root, Scope scope, String env, String id) {
        Path dir = folder(root, scope, env).resolve(id);
        JsonNode m = readManifest(dir).orElseThrow(() -> ConfigCicdException.badInput(
                "backup " + id + " of " + scope.word() + "/" + env + " has no readable " + MANIFEST + " in " + dir,
                "list the backups with config-cicd backup --list"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (JsonNode f : m.path("files")) {
            String name = f.path("path").asString();
            if (!BackupFiles.inScope(name, scope, env)) {
                throw ConfigCicdException.badInput("backup " + id + " lists '" + name + "', which is not a file of "
                        + scope.word() + "/" + env, "the manifest " + dir.resolve(MANIFEST) + " was edited; roll back to another backup");
            }
            try {
                byte[] bytes = Files.readAllBytes(dir.resolve(name));
                if (!BackupFiles.sha256(bytes).equals(f.path("sha256").asString())) {
                    throw ConfigCicdException.badInput("backup " + id + " is damaged: " + name + " does not match its SHA-256 in "
                            + MANIFEST, "roll back to another backup (config-cicd backup --list)");
                }
                files.put(name, bytes);
            } catch (IOException e) {
                throw ConfigCicdException.external("cannot read " + dir.resolve(name) + ": " + e.getMessage(),
                        "check the backup folder, or roll back to another backup", e);
            }
        }
        return new BackupContent(files);
    }

    /** Removes a copy; false when there was none of that id. */
    static boolean delete(Path root, Scope scope, String env, String id) {
        if (!exists(root, scope, env, id)) {
            return false;
        }
        Path dir = folder(root, scope, env).resolve(id);
        Path hidden = dir.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            Files.move(dir, hidden, StandardCopyOption.ATOMIC_MOVE); // gone from list() at once
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot remove backup " + dir + ": " + e.getMessage(),
                    "remove the folder yourself", e);
        }
        deleteQuietly(hidden);
        return true;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a hidden temporary folder; list() never shows it
        }
    }
}
