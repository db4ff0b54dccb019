package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.Utf8;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.edit.DocumentEdits;
import io.configcicd.core.repo.edit.Editors;
import io.configcicd.core.source.DirectorySnapshot;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.Fix;
import io.configcicd.core.validate.suite.ConfigurationValidator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every write to the configuration directory's documents, for {@link ConfigurationManager} and {@link WriteService}:
 * set paths in an environment's override document (validated first when asked), save or delete a whole override
 * document, write the fixes findings offer. Each write edits the file in place (comments, order and quoting kept),
 * holds the file's lock (other threads and processes respect it), is parsed back before it is written, and is written
 * atomically ({@link ConfigDirectory#write}). It checks no access and writes no audit line: its callers do.
 */
final class DocumentWriter {

    private final ConfigDirectory directory;
    private final DirectorySnapshot snapshot;
    private final Supplier<ConfigurationValidator> validator;

    DocumentWriter(ConfigDirectory directory, DirectorySnapshot snapshot, Supplier<ConfigurationValidator> validator) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * Sets several paths of environment {@code name}'s override document in one locked, atomic write; with
     * {@code validate}, the change is checked first ({@link ConfigurationValidator#checkCandidate}) and refused with a
     * FINDINGS error, nothing written, when it introduces a finding at or above the directory's threshold.
     */
    UpdateResult update(String name, Map<String, ?> updates, boolean validate) {
        snapshot.requireEnvironment(name);
        ConfigMap before = snapshot.effective(name);
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
                done.add(new UpdateResult.PathUpdate(p, Optional.ofNullable(ConfigNodes.at(before, p)), value));
            }
            if (validate) {
                ConfigMap candidate = directory.parseText(file, text.getBytes(StandardCharsets.UTF_8));
                validator.get().checkCandidate(name, file, snapshot.withDocument(file, candidate), LocalDate.now());
            }
            writeChecked(file, text);
            return null;
        });
        return new UpdateResult(file, done);
    }

    /**
     * Replaces the override document of an environment with the given tree. An existing file is edited in place, key
     * by key, so its comments stay; a new one is written as YAML.
     */
    void save(Scope scope, String name, Map<String, ?> document) {
        if (scope != Scope.ENVIRONMENT) {
            throw ConfigCicdException.badInput("only an override document can be saved whole",
                    "save with scope environment; scope global is the merge of global/* and the override");
        }
        snapshot.requireEnvironment(name);
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
    boolean delete(Scope scope, String name) {
        if (scope != Scope.ENVIRONMENT) {
            throw ConfigCicdException.badInput("only an override document can be deleted", "use scope environment");
        }
        return directory.environmentDocument(name).map(f -> directory.locked(f, () -> directory.delete(f))).orElse(false);
    }

    /**
     * Writes the fixes that findings offer, each in the document its {@link Fix.Document} names, edited in place under
     * the file's lock; a fix offered by several findings (one per environment) is written once.
     */
    List<AppliedFix> applyFixes(List<Finding> findings) {
        Map<String, Map<ConfigPath, FixPlan>> byFile = planFixes(findings);
        List<AppliedFix> done = new ArrayList<>();
        byFile.forEach((file, plans) -> directory.locked(file, () -> {
            String text = currentText(file);
            for (FixPlan plan : plans.values()) {
                text = Editors.of(formatOf(file)).set(text, plan.fix().path(), plan.fix().value(), file);
                done.add(new AppliedFix(plan.ruleId(), file, plan.fix().path(), plan.fix().description()));
            }
            writeChecked(file, text);
            return null;
        }));
        return List.copyOf(done);
    }

    /** The files {@link #applyFixes} would write for these findings, in the order it writes them. */
    List<String> fixFiles(List<Finding> findings) {
        return List.copyOf(planFixes(findings).keySet());
    }

    private Map<String, Map<ConfigPath, FixPlan>> planFixes(List<Finding> findings) {
        Map<String, Map<ConfigPath, FixPlan>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.fix().isEmpty()) {
                continue;
            }
            Fix fix = f.fix().get();
            String file = fix.document() == Fix.Document.ORIGIN && f.origin().isKnown()
                    ? f.origin().file() : overrideDocument(f.environment());
            byFile.computeIfAbsent(file, k -> new LinkedHashMap<>()).putIfAbsent(fix.path(), new FixPlan(f.ruleId(), fix));
        }
        return byFile;
    }

    private record FixPlan(String ruleId, Fix fix) {
    }

    /** The override document of {@code env}, or the name a new one gets (YAML). */
    String overrideDocument(String env) {
        return directory.environmentDocument(env).orElseGet(() -> directory.newEnvironmentDocument(env, Format.YAML));
    }

    private String currentText(String file) {
        if (!directory.exists(file)) {
            return "";
        }
        return Utf8.decode(directory.readBytes(file, directory.settings().limits()), file);
    }

    private void writeChecked(String file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        directory.parseText(file, bytes);
        directory.write(file, bytes);
    }

    /** A user's dotted path; bad input with a hint when it is not one. */
    static ConfigPath parsePath(String path) {
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
