package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A configuration directory on disk (ARCHITECTURE 2): {@code global/}, {@code environments/},
 * {@code schemas/} and the settings file. Every file it touches is checked to stay inside the directory
 * (no {@code ../}, no absolute names, no symbolic links that lead out). Parsed documents are cached by
 * file stamp, and several documents load in parallel.
 */
public final class ConfigDirectory {

    public static final String GLOBAL_DIR = "global";
    public static final String ENVIRONMENTS_DIR = "environments";
    public static final String SCHEMAS_DIR = "schemas";
    public static final String STATE_DIR = ".config-cicd";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final Path root;
    private final Codecs codecs;
    private final Executor executor;
    private final ConcurrentHashMap<String, CachedDocument> cache = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder parsed = new java.util.concurrent.atomic.LongAdder();
    private final ConcurrentHashMap<Path, Boolean> insideDirs = new ConcurrentHashMap<>();
    private volatile Settings settings;

    private record CachedDocument(Object fileKey, long modified, long size, ConfigMap tree) {
    }

    private ConfigDirectory(Path root, Codecs codecs, Executor executor) {
        this.root = root;
        this.codecs = codecs;
        this.executor = executor;
    }

    /** Opens an existing directory; a missing one is bad input (exit 2). */
    public static ConfigDirectory open(Path dir, Codecs codecs, Executor executor) {
        if (!Files.isDirectory(dir)) {
            throw ConfigCicdException.badInput("configuration directory " + dir + " does not exist",
                    "pass --config-dir DIR (or -Dconfig.dir) pointing at the directory that holds global/ and environments/");
        }
        try {
            return new ConfigDirectory(dir.toRealPath(), codecs, executor);
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot open " + dir + ": " + e.getMessage(), "check permissions", e);
        }
    }

    public Path root() {
        return root;
    }

    public Codecs codecs() {
        return codecs;
    }

    /**
     * Checks a user-given name (environment, document): letters, digits, '.', '_' and '-', not starting
     * with a dot, so it can never leave its folder.
     */
    public static String checkName(String name, String what) {
        if (!isValidName(name)) {
            throw new InvalidNameException(String.valueOf(name),
                    "invalid " + what + " name '" + name + "'",
                    "a name uses only letters, digits, '.', '_' and '-', does not start with '.', and is at most 128 characters");
        }
        return name;
    }

    /** Whether {@link #checkName} accepts a name. */
    public static boolean isValidName(String name) {
        return name != null && name.length() <= 128 && NAME.matcher(name).matches();
    }

    // ----------------------------------------------------------------- layout

    public Settings settings() {
        Settings s = settings;
        if (s == null) {
            s = DirectoryLinks.isFileEntry(root.resolve(Settings.FILE_NAME))
                    ? Settings.from(parse(Settings.FILE_NAME, LoadLimits.DEFAULT)) : Settings.defaults();
            settings = s;
        }
        return s;
    }

    /** The base documents, relative names such as {@code global/base.yaml}, in merge (file-name) order. */
    public List<String> globalDocuments() {
        return configFiles(GLOBAL_DIR);
    }

    public List<String> schemaDocuments() {
        return configFiles(SCHEMAS_DIR);
    }

    /**
     * Every environment: those with an override document and those declared in the settings, sorted. An environment
     * with several override documents is left out (reading it is bad input naming the files), and so is a file whose
     * name is no environment name: both are {@link #problems()}, so that commands about other environments work.
     */
    public List<String> environments() {
        EnvironmentFiles files = environmentFiles();
        TreeSet<String> names = new TreeSet<>(files.environments());
        settings().environments().forEach(e -> names.add(e.name()));
        names.removeAll(files.duplicated());
        return List.copyOf(names);
    }

    public boolean hasEnvironment(String env) {
        checkName(env, "environment");
        return environmentDocument(env).isPresent() || settings().environment(env).isPresent();
    }

    /**
     * The override document of an environment, if it has one.
     *
     * @throws ConfigCicdException bad input at the first file when the environment has several
     */
    public Optional<String> environmentDocument(String env) {
        checkName(env, "environment");
        return environmentFiles().document(env);
    }

    /**
     * The files of the directory that the product cannot use as they are (a file in {@code environments/} whose name
     * is no environment name, several files for one environment), by file name; {@code validate} reports each one.
     */
    public List<DirectoryProblem> problems() {
        return environmentFiles().problems();
    }

    private EnvironmentFiles environmentFiles() {
        return EnvironmentFiles.of(configFiles(ENVIRONMENTS_DIR));
    }

    /** Where a new override document of an environment goes. */
    public String newEnvironmentDocument(String env, Format format) {
        return ENVIRONMENTS_DIR + "/" + checkName(env, "environment") + "." + format.defaultExtension();
    }

    /**
     * The configuration files of a folder (direct children of a configuration format, not hidden), sorted. Symbolic
     * links are listed unless they lead to a directory; reading one that dangles, loops or leads outside the
     * directory reports it ({@link DirectoryLinks}). A link in place of the folder itself is checked here.
     */
    private List<String> configFiles(String folder) {
        Path dir = DirectoryLinks.follow(root, folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.startsWith(".") && Format.ofFileName(n).isPresent() && DirectoryLinks.isFileEntry(p);
                    })
                    .map(p -> folder + "/" + p.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----------------------------------------------------------------- files

    /** The absolute path of a relative name, checked to stay inside the directory, symbolic links followed. */
    public Path resolve(String relative) {
        Path p = lexical(relative);
        BasicFileAttributes own = lstat(p);
        if (own != null && !own.isSymbolicLink() && p.getParent() != null && directoryInside(p.getParent())) {
            return p;
        }
        DirectoryLinks.follow(root, root.relativize(p).toString().replace('\\', '/'));
        return p;
    }

    private Path lexical(String relative) {
        if (relative.isEmpty() || relative.contains("\\") || Path.of(relative).isAbsolute()) {
            throw new InvalidNameException(relative, "'" + relative + "' is not a path inside the configuration directory",
                    "use a path relative to " + root);
        }
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new InvalidNameException(relative, "'" + relative + "' leads outside the configuration directory",
                    "use a path inside " + root);
        }
        return p;
    }

    private static BasicFileAttributes lstat(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether a directory's real path is inside the root; cached, since every document of a folder asks. */
    private boolean directoryInside(Path dir) {
        return insideDirs.computeIfAbsent(dir, d -> {
            try {
                return d.toRealPath().startsWith(root);
            } catch (IOException e) {
                return false;
            }
        });
    }

    public boolean exists(String relative) {
        return Files.isRegularFile(resolve(relative));
    }

    /** The raw bytes of a file, refused when larger than the limit. */
    public byte[] readBytes(String relative, LoadLimits limits) {
        Path p = resolve(relative);
        try {
            return readChecked(relative, p, Files.size(p), limits);
        } catch (NoSuchFileException e) {
            throw ConfigCicdException.badInput(Origin.file(relative), "the file does not exist", "check the name");
        } catch (IOException e) {
            throw new ConfigCicdException(ErrorKind.EXTERNAL, Origin.file(relative), "cannot read the file: "
                    + e.getMessage(), "check permissions", e);
        }
    }

    private static byte[] readChecked(String relative, Path p, long size, LoadLimits limits) throws IOException {
        if (size > limits.maxDocumentBytes()) {
            throw new ConfigParseException(Origin.file(relative), "file is " + size + " bytes, over the limit of "
                    + limits.maxDocumentBytes(), "split the file, or raise limits.max_document_bytes in " + Settings.FILE_NAME);
        }
        return Files.readAllBytes(p);
    }

    /** Replaces a file atomically (temp file, fsync, rename). */
    public void write(String relative, byte[] content) {
        AtomicFiles.write(resolve(relative), content);
        cache.remove(relative);
    }

    public boolean delete(String relative) {
        try {
            cache.remove(relative);
            return Files.deleteIfExists(resolve(relative));
        } catch (IOException e) {
            throw new ConfigCicdException(ErrorKind.EXTERNAL, Origin.file(relative), "cannot delete the file: "
                    + e.getMessage(), "check permissions", e);
        }
    }

    /** Runs a read-modify-write of one file under a lock that other threads and processes respect. */
    public <T> T locked(String relative, Supplier<T> action) {
        resolve(relative);
        Path lock = root.resolve(STATE_DIR).resolve("locks").resolve(relative.replace('/', '_') + ".lock");
        return FileLocks.withLock(lock, action);
    }

    // ----------------------------------------------------------------- documents

    /** A parsed configuration document (its top level must be a mapping), from the cache when unchanged. */
    public ConfigMap document(String relative) {
        Path p = resolve(relative);
        LoadLimits limits = settings().limits();
        try {
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
            long modified = attrs.lastModifiedTime().toMillis();
            CachedDocument c = cache.get(relative);
            if (c != null && c.modified == modified && c.size == attrs.size() && Objects.equals(c.fileKey, attrs.fileKey())) {
                return c.tree;
            }
            byte[] bytes = readChecked(relative, p, attrs.size(), limits);
            ConfigMap tree = asMap(codecs.forFile(relative).parse(bytes, relative, limits), relative);
            parsed.increment();
            cache.put(relative, new CachedDocument(attrs.fileKey(), modified, attrs.size(), tree));
            return tree;
        } catch (NoSuchFileException e) {
            throw ConfigCicdException.badInput(Origin.file(relative), "the file does not exist", "check the name");
        } catch (IOException e) {
            throw new ConfigCicdException(ErrorKind.EXTERNAL, Origin.file(relative), "cannot read the file: "
                    + e.getMessage(), "check permissions", e);
        }
    }

    /**
     * Several documents, parsed in parallel, in the order given. The list is cut into one slice per
     * worker rather than one task per file, so a thousand small files cost a few hand-offs, not a thousand.
     */
    /**
     * How many times this directory has parsed a document from disk (cache hits not counted): a command that opens a
     * directory once parses each file once, whatever reads it (the masker, the validation, the command).
     */
    public long parsedDocuments() {
        return parsed.sum();
    }

    public List<ConfigMap> documents(List<String> relatives) {
        int n = relatives.size();
        int slices = Math.min(n / 4, Runtime.getRuntime().availableProcessors());
        if (slices <= 1) {
            return relatives.stream().map(this::document).toList();
        }
        settings();
        ConfigMap[] out = new ConfigMap[n];
        List<CompletableFuture<Void>> futures = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) n * s / slices);
            int to = (int) ((long) n * (s + 1) / slices);
            futures.add(CompletableFuture.runAsync(() -> {
                for (int i = from; i < to; i++) {
                    out[i] = document(relatives.get(i));
                }
            }, executor));
        }
        for (CompletableFuture<Void> f : futures) {
            try {
                f.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }
        return Arrays.asList(out);
    }

    /** Parses text as the document {@code relative} would be parsed (for checking an edit before writing it). */
    public ConfigMap parseText(String relative, byte[] content) {
        return asMap(codecs.forFile(relative).parse(content, relative, settings().limits()), relative);
    }

    private ConfigMap parse(String relative, LoadLimits limits) {
        byte[] bytes = readBytes(relative, limits);
        return asMap(codecs.forFile(relative).parse(bytes, relative, limits), relative);
    }

    /**
     * A parsed file as a configuration document: its top level must be a mapping (an empty file is an empty one).
     *
     * @throws ConfigParseException at the file:line of a top level of another kind
     */
    public static ConfigMap asMap(ConfigNode node, String relative) {
        if (node instanceof ConfigMap m) {
            return m;
        }
        if (node.isNull()) {
            return ConfigMap.empty(Origin.file(relative));
        }
        throw new ConfigParseException(node.origin().isKnown() ? node.origin() : Origin.file(relative),
                "the top level of a configuration file must be a mapping of keys to values, not "
                        + node.typeNameWithArticle(),
                "write key: value pairs at the top level");
    }
}
