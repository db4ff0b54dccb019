package io.configcicd.core.api;

import io.configcicd.core.load.Interpolator;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.source.DirectorySnapshot;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.suite.ConfigurationValidator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The library's entry point, with the operations of the original design: read a configuration by scope and name,
 * update one path or several at once, save a whole override document, list, delete, the merged configuration of an
 * environment, and explain where an effective value comes from; every operation has an asynchronous variant. A facade:
 * reads come from the work tree's {@link DirectorySnapshot} (parsed once), writes go through one
 * {@link DocumentWriter}. It checks no access and writes no audit line: a front end acting for a principal calls the
 * services ({@link ReadService}, {@link WriteService}, {@link ValidationService}) with a {@link Workspace}.
 *
 * <p>Writes go to the environment's override document ({@code environments/E.*}), whichever scope names the
 * environment: {@code GLOBAL/E} changes E's effective configuration, and the override is the one file that changes E
 * alone. Writes edit the file in place (comments, order and quoting kept), are atomic, and hold a lock that other
 * threads and processes respect, so concurrent writers of different keys all win.
 *
 * <p>Threads: the manager starts none. {@link #open(Path)} parses on the caller's thread, and its asynchronous
 * variants run on {@link ForkJoinPool#commonPool()}, the JVM's shared pool that {@link CompletableFuture} itself
 * defaults to (a caller that asks for a future has asked for another thread; the pool is the JVM's, sized to the
 * machine, and outlives no caller's resources). {@link #open(Path, Executor)} uses the caller's executor for both: a
 * front end that owns a pool (the CLI) parses a large directory in parallel on it; the manager never shuts it down.
 */
public final class ConfigurationManager implements AutoCloseable {

    private final ConfigDirectory directory;
    private final DirectorySnapshot snapshot;
    private final Executor executor;
    private final DocumentWriter writer;
    private volatile ConfigurationValidator validator;

    private ConfigurationManager(ConfigDirectory directory, Executor executor) {
        this.directory = directory;
        this.snapshot = DirectorySnapshot.of(directory);
        this.executor = executor;
        this.writer = new DocumentWriter(directory, snapshot, this::validator);
    }

    /** Opens the configuration directory {@code dir} (for example {@code Path.of("configuration")}); no pool of its own. */
    public static ConfigurationManager open(Path dir) {
        return new ConfigurationManager(ConfigDirectory.open(dir, Codecs.standard(), Runnable::run),
                ForkJoinPool.commonPool());
    }

    /** Opens {@code dir}, parsing many documents in parallel on {@code executor} and running the async variants there. */
    public static ConfigurationManager open(Path dir, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return new ConfigurationManager(ConfigDirectory.open(dir, Codecs.standard(), executor), executor);
    }

    /** The directory on disk, for the services of this package. */
    ConfigDirectory directory() {
        return directory;
    }

    /** The work tree as a snapshot, shared by every service of the run. */
    DirectorySnapshot snapshot() {
        return snapshot;
    }

    /** The one writer of this directory's documents, for the services of this package. */
    DocumentWriter writer() {
        return writer;
    }

    // ----------------------------------------------------------------- reading

    /**
     * {@code GLOBAL, E}: the effective configuration of environment E; {@code ENVIRONMENT, E}: E's override
     * document alone. References such as {@code ${VAR}} are kept as written.
     */
    public Configuration getConfiguration(Scope scope, String name) {
        return ReadService.configuration(snapshot, scope, name);
    }

    /** The effective configuration of an environment: {@code global/*} in name order, then its override. */
    public Configuration getMergedConfiguration(String environment) {
        return ReadService.configuration(snapshot, Scope.GLOBAL, environment);
    }

    /** Like {@link #getConfiguration} with every {@code ${VAR}} resolved; an unresolved one is an error at its file:line. */
    public Configuration getResolvedConfiguration(Scope scope, String name, Interpolator interpolator) {
        Configuration c = getConfiguration(scope, name);
        return new Configuration(c.scope(), c.name(), interpolator.resolve(c.root()));
    }

    /** {@code GLOBAL}: every environment (each has an effective configuration); {@code ENVIRONMENT}: those with an override document. */
    public List<String> listConfigurations(Scope scope) {
        return ReadService.names(directory, scope);
    }

    /** Where the effective value of a path in an environment was set, and what it overrode. */
    public Explanation explain(String environment, String path) {
        return ReadService.explanation(snapshot, environment, DocumentWriter.parsePath(path));
    }

    // ----------------------------------------------------------------- validating

    /**
     * The validator of this directory: its rules come from {@code schemas/} and {@code config-cicd.yaml}, and a
     * program may add and remove rules on it; built on first use.
     */
    public ConfigurationValidator validator() {
        ConfigurationValidator v = validator;
        if (v == null) {
            synchronized (this) {
                v = validator;
                if (v == null) {
                    v = ConfigurationValidator.of(snapshot);
                    validator = v;
                }
            }
        }
        return v;
    }

    /**
     * Validates the effective configuration of environment {@code name} (either scope names the environment)
     * and returns the findings that no waiver covers, most serious rules first in file order.
     */
    public List<Finding> validateConfiguration(Scope scope, String name) {
        snapshot.requireEnvironment(name);
        return validator().validate(List.of(name), LocalDate.now()).findings();
    }

    /** Writes the fixes that findings offer, each once, in the document its fix names, in place under the file's lock. */
    public List<AppliedFix> applyFixes(List<Finding> findings) {
        return writer.applyFixes(findings);
    }

    /** The files {@link #applyFixes} would write for these findings, in order: for access control to check first. */
    public List<String> fixFiles(List<Finding> findings) {
        return writer.fixFiles(findings);
    }

    // ----------------------------------------------------------------- writing

    /** Sets one path (a scalar, or a whole subtree given as a Map or List) in the environment's override document. */
    public UpdateResult updateConfiguration(Scope scope, String name, String path, Object value) {
        Map<String, Object> one = new java.util.LinkedHashMap<>();
        one.put(path, value);
        return batchUpdateConfiguration(scope, name, one);
    }

    /** Sets several paths in one locked, atomic write of the override document. */
    public UpdateResult batchUpdateConfiguration(Scope scope, String name, Map<String, ?> updates) {
        return writer.update(name, updates, false);
    }

    /**
     * Like {@link #batchUpdateConfiguration}, but validated first ({@link ConfigurationValidator#checkCandidate}): a
     * change that introduces a finding at or above the directory's threshold is refused (FINDINGS), nothing written.
     */
    public UpdateResult batchUpdateValidated(Scope scope, String name, Map<String, ?> updates) {
        return writer.update(name, updates, true);
    }

    /** Replaces an override document with a tree; an existing file is edited key by key (comments kept), a new one is YAML. */
    public void saveConfiguration(Scope scope, String name, Map<String, ?> document) {
        writer.save(scope, name, document);
    }

    /** Deletes the override document of an environment; false when it had none. */
    public boolean deleteConfiguration(Scope scope, String name) {
        return writer.delete(scope, name);
    }

    // ----------------------------------------------------------------- async

    public CompletableFuture<Configuration> getConfigurationAsync(Scope scope, String name) {
        return CompletableFuture.supplyAsync(() -> getConfiguration(scope, name), executor);
    }

    public CompletableFuture<Configuration> getMergedConfigurationAsync(String environment) {
        return CompletableFuture.supplyAsync(() -> getMergedConfiguration(environment), executor);
    }

    public CompletableFuture<List<Finding>> validateConfigurationAsync(Scope scope, String name) {
        return CompletableFuture.supplyAsync(() -> validateConfiguration(scope, name), executor);
    }

    public CompletableFuture<UpdateResult> updateConfigurationAsync(Scope scope, String name, String path, Object value) {
        return CompletableFuture.supplyAsync(() -> updateConfiguration(scope, name, path, value), executor);
    }

    public CompletableFuture<UpdateResult> batchUpdateConfigurationAsync(Scope scope, String name, Map<String, ?> updates) {
        return CompletableFuture.supplyAsync(() -> batchUpdateConfiguration(scope, name, updates), executor);
    }

    public CompletableFuture<Void> saveConfigurationAsync(Scope scope, String name, Map<String, ?> document) {
        return CompletableFuture.runAsync(() -> saveConfiguration(scope, name, document), executor);
    }

    /** Releases nothing today (the manager owns no thread or file handle); kept for the watcher of the runtime issue. */
    @Override
    public void close() {
    }
}
