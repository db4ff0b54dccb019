package io.configcicd.core.api;

import io.configcicd.core.event.EventSink;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.report.RepositoryPaths;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.SecretInventory;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.source.DirectorySnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A configuration directory opened once for one run, and everything a service needs to act on it: its
 * {@link ConfigurationManager}, the {@link DirectorySnapshot} of the work tree (parsed once; every service of the run
 * shares the parse), the {@link OutputMasker} of its secrets, the process environment (the principal, keys,
 * referenced variables), the {@link Clock}, the {@link EventSink} progress goes to, and, built on first use, the
 * {@link Governance} (access policy and audit log) every service checks and records through. A front end opens it,
 * masks its output with {@link #masker()} before anything else, and hands it to the service that does the work:
 *
 * <pre>
 * try (Workspace ws = Workspace.open(Path.of("configuration"), System.getenv())) {
 *     out = ws.masker().masking(System.out);
 *     ValidateOutcome o = service.validate(ws, ValidateRequest.of(ws.directory()));
 * }
 * </pre>
 */
public final class Workspace implements AutoCloseable {

    private final Path directory;
    private final ConfigurationManager manager;
    private final OutputMasker masker;
    private final Map<String, String> env;
    private final Clock clock;
    private final EventSink events;
    private volatile Governance governance;

    private Workspace(Path directory, ConfigurationManager manager, OutputMasker masker, Map<String, String> env,
                      Clock clock, EventSink events) {
        this.directory = directory;
        this.manager = manager;
        this.masker = masker;
        this.env = env;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Opens the configuration directory {@code dir} for a process with environment {@code env} (whose
     * {@code CONFIG_CICD_KEY} opens ENC values for the masker, and whose values of referenced variables are masked).
     */
    public static Workspace open(Path dir, Map<String, String> env) {
        return open(dir, env, Clock.systemDefaultZone(), EventSink.NONE);
    }

    /** {@link #open(Path, Map)} with the clock that dates audit entries, backups and waivers, and the sink of events. */
    public static Workspace open(Path dir, Map<String, String> env, Clock clock, EventSink events) {
        Objects.requireNonNull(env, "env");
        return open(ConfigurationManager.open(dir), dir, env, clock, events);
    }

    /**
     * {@link #open(Path, Map)} whose documents are parsed in parallel on {@code executor} (a pool the caller owns and
     * shuts down; the workspace starts no thread): for a front end that opens large directories.
     */
    public static Workspace open(Path dir, Map<String, String> env, Executor executor) {
        return open(dir, env, executor, EventSink.NONE);
    }

    /** {@link #open(Path, Map, Executor)} whose services report their progress to {@code events} (the front end renders it). */
    public static Workspace open(Path dir, Map<String, String> env, Executor executor, EventSink events) {
        Objects.requireNonNull(env, "env");
        return open(ConfigurationManager.open(dir, executor), dir, env, Clock.systemDefaultZone(), events);
    }

    private static Workspace open(ConfigurationManager manager, Path dir, Map<String, String> env, Clock clock,
                                  EventSink events) {
        try {
            return new Workspace(dir, manager, SecretInventory.of(manager.directory(), env), Map.copyOf(env),
                    Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(events, "events"));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The masker of the product's own credentials in a process environment alone ({@code CONFIG_CICD_KEY}, the
     * tokens of {@link SecretInventory#CREDENTIAL_VARIABLES}): what a front end masks with when the configuration
     * directory cannot be opened, so that the error it then reports cannot print them.
     */
    public static OutputMasker credentialsMasker(Map<String, String> env) {
        OutputMasker.Builder credentials = OutputMasker.builder(new SecretMasker(Settings.DEFAULT_SECRET_KEYS));
        SecretInventory.CREDENTIAL_VARIABLES.forEach(v -> credentials.addValue(env.get(v)));
        return credentials.build();
    }

    /** The directory as it was given to {@link #open}. */
    public Path directory() {
        return directory;
    }

    public ConfigurationManager manager() {
        return manager;
    }

    /** Every secret of the directory and of the environment's credentials (see {@link SecretInventory}). */
    public OutputMasker masker() {
        return masker;
    }

    /** The process environment the workspace was opened with. */
    public Map<String, String> env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    public EventSink events() {
        return events;
    }

    /** How outputs name the directory's files: relative to the repository root. */
    public RepositoryPaths paths() {
        return RepositoryPaths.of(directory);
    }

    /**
     * {@link #paths()} of a directory before (or without) opening it: how a front end names the file of a failure
     * that {@link #open} itself throws.
     */
    public static RepositoryPaths pathsOf(Path dir) {
        return RepositoryPaths.of(dir);
    }

    /**
     * Who acts, what they may do, and the audit log, with every audited text masked by {@link #masker()}; read on
     * first use (it may read the policy ref from git).
     *
     * @throws io.configcicd.core.ConfigCicdException bad input when the policy ref cannot be read
     */
    public Governance governance() {
        Governance g = governance;
        if (g == null) {
            synchronized (this) {
                g = governance;
                if (g == null) {
                    g = Governance.of(configDirectory(), env).maskingWith(masker);
                    governance = g;
                }
            }
        }
        return g;
    }

    /** The work tree as a snapshot: settings, documents and effective configurations, parsed once. */
    DirectorySnapshot snapshot() {
        return manager.snapshot();
    }

    /** Which keys of the directory are secret ({@code secrets.keys} of config-cicd.yaml), for the services of this package. */
    SecretMasker secretKeys() {
        return new SecretMasker(manager.directory().settings().secretKeys());
    }

    /** The directory on disk, for the services of this package. */
    ConfigDirectory configDirectory() {
        return manager.directory();
    }

    @Override
    public void close() {
        manager.close();
    }
}
