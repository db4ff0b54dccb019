package io.configcicd.core.api;

import io.configcicd.core.validate.suite.ConfigurationValidator;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.Interpolator;
import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.source.DirectorySnapshot;
import io.configcicd.core.validate.suite.ConfigurationValidator;
import io.configcicd.core.repo.edit.DocumentEdits;
import io.configcicd.core.repo.edit.Editors;
import io.configcicd.core.repo.git.RepositoryPaths;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.Fix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library's entry point, with the operations of the original design: read a configuration by scope
 * and name, update one path or several at once, save a whole override document, list, delete, the merged
 * configuration of an environment, and explain where an effective value comes from. Every operation has
 * an asynchronous variant that returns a {@link CompletableFuture}.
 *
 * <p>Writes go to the environment's override document ({@code environments/E.*}), whichever scope names
 * the environment: {@code GLOBAL/E} changes E's effective configuration, and the override is the one
 * file that changes E alone. Writes edit the file in place (comments, order and quoting kept), are
 * atomic, and hold a lock that other threads and processes respect, so concurrent writers of different
 * keys all win.
 */
public final class ConfigurationManager implements AutoCloseable {

    private final ConfigDirectory directory;
    private final DirectorySnapshot snapshot;
    private final ExecutorService executor;
    private volatile ConfigurationValidator validator;

    private ConfigurationManager(ConfigDirectory directory, ExecutorService executor) {
        this.directory = directory;
        this.snapshot = DirectorySnapshot.of(directory);
        this.executor = executor;
    }

    /** Opens the configuration directory {@code dir} (for example {@code Path.of("configuration")}). */
    public static ConfigurationManager open(Path dir) {
        ExecutorService executor = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), daemonThreads());
        try {
            return new ConfigurationManager(ConfigDirectory.open(dir, Codecs.standard(), executor), executor);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "config-cicd-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public ConfigDirectory directory() {
        return directory;
    }

    /** The work tree as a snapshot, shared by every service of the run. */
    DirectorySnapshot snapshot() {
        return snapshot;
    }

    // ----------------------------------------------------------------- reading

    /**
     * {@code GLOBAL, E}: the effective configuration of environment E; {@code ENVIRONMENT, E}: E's override
     * document alone. References such as {@code ${VAR}} are kept as written.
     */
    public Configuration getConfiguration(Scope scope, String name) {
        if (scope == Scope.GLOBAL) {
            return getMergedConfiguration(name);
        }
        return new Configuration(Scope.ENVIRONMENT, name, snapshot.override(name));
    }

    /** The effective configuration of an environment: {@code global/*} in name order, then its override. */
    public Configuration getMergedConfiguration(String environment) {
        return new Configuration(Scope.GLOBAL, environment, snapshot.effective(environment));
    }

    /** Like {@link #getConfiguration} with every {@code ${VAR}} resolved; an unresolved one is an error at its file:line. */
    public Configuration getResolvedConfiguration(Scope scope, String name, Interpolator interpolator) {
        Configuration c = getConfiguration(scope, name);
        return new Configuration(c.scope(), c.name(), interpolator.resolve(c.root()));
    }

    /** {@code GLOBAL}: every environment (each has an effective configuration); {@code ENVIRONMENT}: those with an override document. */
    public List<String> listConfigurations(Scope scope) {
        if (scope == Scope.GLOBAL) {
            return directory.environments();
        }
        return directory.environments().stream().filter(e -> directory.environmentDocument(e).isPresent()).toList();
    }

    /** Where the effective value of a path in an environment was set, and what it overrode. */
    public Explanation explain(String environment, String path) {
        ConfigPath p = parsePath(path);
        Configuration c = getMergedConfiguration(environment);
        ConfigNode node = ConfigNodes.at(c.root(), p);
        if (node == null) {
            throw ConfigCicdException.badInput("'" + path + "' is not set in the effective configuration of " + environment,
                    "run 'list' or 'get --path <parent>' to see the keys that exist");
        }
        Origin setAt = node.origin();
        if (!p.isRoot() && p.last() instanceof ConfigPath.Key k && ConfigNodes.at(c.root(), p.parent()) instanceof ConfigMap parent) {
            setAt = node instanceof ConfigMap ? parent.keyOrigin(k.name()) : node.origin();
        }
        return new Explanation(environment, p, node, setAt, node.overridden());
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
        requireEnvironment(name);
        return validator().validate(List.of(name), LocalDate.now()).findings();
    }

    /**
     * Writes the fixes that findings offer, each in the document its {@link Fix.Target} names, edited in place
     * under the file's lock; a fix offered by several findings (one per environment) is written once.
     */
    public List<AppliedFix> applyFixes(List<Finding> findings) {
        Map<String, Map<ConfigPath, AppliedFixPlan>> byFile = planFixes(findings);
        List<AppliedFix> done = new ArrayList<>();
        byFile.forEach((file, plans) -> directory.locked(file, () -> {
            String text = currentText(file);
            for (AppliedFixPlan plan : plans.values()) {
                text = Editors.of(formatOf(file)).set(text, plan.fix().path(), plan.fix().value(), file);
                done.add(new AppliedFix(plan.ruleId(), file, plan.fix().path(), plan.fix().description()));
            }
            writeChecked(file, text);
            return null;
        }));
        return List.copyOf(done);
    }

    /**
     * The files {@link #applyFixes} would write for these findings (relative to the directory, in the order it writes
     * them): for access control to check before anything is written.
     */
    public List<String> fixFiles(List<Finding> findings) {
        return List.copyOf(planFixes(findings).keySet());
    }

    private Map<String, Map<ConfigPath, AppliedFixPlan>> planFixes(List<Finding> findings) {
        Map<String, Map<ConfigPath, AppliedFixPlan>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.fix().isEmpty()) {
                continue;
            }
            Fix fix = f.fix().get();
            String file = fix.target() == Fix.Target.ORIGIN && f.origin().isKnown()
                    ? f.origin().file() : overrideDocument(f.environment());
            byFile.computeIfAbsent(file, k -> new LinkedHashMap<>())
                    .putIfAbsent(fix.path(), new AppliedFixPlan(f.ruleId(), fix));
        }
        return byFile;
    }

    private record AppliedFixPlan(String ruleId, Fix fix) {
    }

    public CompletableFuture<List<Finding>> validateConfigurationAsync(Scope scope, String name) {
        return CompletableFuture.supplyAsync(() -> validateConfiguration(scope, name), executor);
    }

    // ----------------------------------------------------------------- writing

    /** Sets one path (a scalar, or a whole subtree given as a Map or List) in the environment's override document. */
    public UpdateResult updateConfiguration(Scope scope, String name, String path, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(path, value);
        return batchUpdateConfiguration(scope, name, one);
    }

    /** Sets several paths in one locked, atomic write of the override document. */
    public UpdateResult batchUpdateConfiguration(Scope scope, String name, Map<String, ?> updates) {
        return update(name, updates, false);
    }

    /**
     * Like {@link #batchUpdateConfiguration}, but the change is validated before it is written (see
     * {@link ConfigurationValidator#checkCandidate}): a change that introduces a finding at or above the
     * directory's threshold is refused with a FINDINGS error and nothing is written.
     */
    public UpdateResult batchUpdateValidated(Scope scope, String name, Map<String, ?> updates) {
        return update(name, updates, true);
    }

    private UpdateResult update(String name, Map<String, ?> updates, boolean validate) {
        requireEnvironment(name);
        Configuration before = getMergedConfiguration(name);
        String file = overrideDocument(name);
        List<UpdateResult.PathUpdate> done = new ArrayList<>();
        directory.locked(file, () -> {
            String text = currentText(file);
            for (Map.Entry<String, ?> e : updates.entrySet()) {
                ConfigPath p = parsePath(e.getKey());
                if (p.isRoot()) {
                    throw ConfigCicdException.badInput("an empty path names the whole document",
                            "use saveConfiguration to replace a whole document");
                }
                ConfigNode value = ConfigNodes.fromPlain(e.getValue(), Origin.UNKNOWN);
                text = Editors.of(formatOf(file)).set(text, p, value, file);
                done.add(new UpdateResult.PathUpdate(p, before.node(p.toString()), value));
            }
            if (validate) {
                ConfigMap candidate = directory.parseText(file, text.getBytes(StandardCharsets.UTF_8));
                validator().checkCandidate(name, file, snapshot.withDocument(file, candidate), LocalDate.now());
            }
            writeChecked(file, text);
            return null;
        });
        return new UpdateResult(file, done);
    }

    /**
     * Replaces the override document of an environment with the given tree. An existing file is edited in
     * place, key by key, so its comments stay; a new one is written as YAML.
     */
    public void saveConfiguration(Scope scope, String name, Map<String, ?> document) {
        if (scope != Scope.ENVIRONMENT) {
            throw ConfigCicdException.badInput("only an override document can be saved whole",
                    "save with scope environment; scope global is the merge of global/* and the override");
        }
        requireEnvironment(name);
        String file = overrideDocument(name);
        ConfigNode tree = ConfigNodes.fromPlain(document, Origin.UNKNOWN);
        directory.locked(file, () -> {
            String text;
            if (directory.exists(file)) {
                String old = currentText(file);
                text = DocumentEdits.replaceDocument(Editors.of(formatOf(file)), old, directory.document(file), tree, file);
            } else {
                text = directory.codecs().of(formatOf(file)).render(tree);
            }
            writeChecked(file, text);
            return null;
        });
    }

    /** Deletes the override document of an environment; false when it had none. */
    public boolean deleteConfiguration(Scope scope, String name) {
        if (scope != Scope.ENVIRONMENT) {
            throw ConfigCicdException.badInput("only an override document can be deleted", "use scope environment");
        }
        return directory.environmentDocument(name).map(f -> directory.locked(f, () -> directory.delete(f))).orElse(false);
    }

    // ----------------------------------------------------------------- async

    public CompletableFuture<Configuration> getConfigurationAsync(Scope scope, String name) {
        return CompletableFuture.supplyAsync(() -> getConfiguration(scope, name), executor);
    }

    public CompletableFuture<Configuration> getMergedConfigurationAsync(String environment) {
        return CompletableFuture.supplyAsync(() -> getMergedConfiguration(environment), executor);
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

    @Override
    public void close() {
        executor.shutdown();
    }

    // ----------------------------------------------------------------- helpers

    private void requireEnvironment(String name) {
        snapshot.requireEnvironment(name);
    }

    private String overrideDocument(String env) {
        return directory.environmentDocument(env).orElseGet(() -> directory.newEnvironmentDocument(env, Format.YAML));
    }

    private String currentText(String file) {
        if (!directory.exists(file)) {
            return "";
        }
        return io.configcicd.core.load.Utf8.decode(directory.readBytes(file, directory.settings().limits()), file);
    }

    private void writeChecked(String file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        directory.parseText(file, bytes);
        directory.write(file, bytes);
    }

    private static ConfigPath parsePath(String path) {
        try {
            return ConfigPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput(e.getMessage(), "write a dotted path such as kgot.reasoning_depth or items[0].name");
        }
    }

    private static Format formatOf(String file) {
        return Format.ofFileName(file).orElseThrow();
    }
}
