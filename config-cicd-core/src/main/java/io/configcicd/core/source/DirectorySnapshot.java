package io.configcicd.core.source;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.DirectoryProblem;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.repo.git.GitWorkTrees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration directory on disk as a {@link Snapshot}: the one place that computes the effective configuration
 * of an environment of the work tree ({@code global/*} in name order, then {@code environments/E}). Documents are
 * parsed once per directory ({@link ConfigDirectory} caches them), so every service of one run shares the parse.
 * {@link #withDocument} gives the snapshot as it would be with one document replaced: what a write is validated
 * against before it is made.
 */
public final class DirectorySnapshot implements Snapshot {

    private final ConfigDirectory directory;
    private final Optional<Replacement> replacement;

    private record Replacement(String file, ConfigMap document) {
    }

    private DirectorySnapshot(ConfigDirectory directory, Optional<Replacement> replacement) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.replacement = replacement;
    }

    public static DirectorySnapshot of(ConfigDirectory directory) {
        return new DirectorySnapshot(directory, Optional.empty());
    }

    /** This snapshot with document {@code file} (relative to the directory; it may not exist yet) replaced by {@code document}. */
    public DirectorySnapshot withDocument(String file, ConfigMap document) {
        return new DirectorySnapshot(directory, Optional.of(new Replacement(file, document)));
    }

    public ConfigDirectory directory() {
        return directory;
    }

    @Override
    public Settings settings() {
        return directory.settings();
    }

    @Override
    public List<String> environments() {
        return directory.environments();
    }

    /**
     * @throws ConfigCicdException bad input naming the known environments for an unknown one, or naming the file
     *                             that does not load
     */
    @Override
    public ConfigMap effective(String environment) {
        requireEnvironment(environment);
        List<ConfigMap> docs = new ArrayList<>();
        for (String f : mergedFiles(environment)) {
            docs.add(replacement.filter(r -> r.file().equals(f)).map(Replacement::document)
                    .orElseGet(() -> directory.document(f)));
        }
        return Merger.merge(docs);
    }

    /** The documents an environment's effective configuration is merged from, in merge order. */
    public List<String> mergedFiles(String environment) {
        List<String> files = new ArrayList<>(directory.globalDocuments());
        directory.environmentDocument(environment).ifPresent(files::add);
        replacement.map(Replacement::file).filter(f -> !files.contains(f)
                && f.equals(directory.newEnvironmentDocument(environment, Format.YAML))).ifPresent(files::add);
        return files;
    }

    /** The override document of {@code environment} (alone, not merged); empty when it has none. */
    public ConfigMap override(String environment) {
        requireEnvironment(environment);
        return directory.environmentDocument(environment).map(directory::document).orElse(ConfigMap.empty());
    }

    @Override
    public Map<String, ConfigMap> schemaDocuments() {
        Map<String, ConfigMap> out = new LinkedHashMap<>();
        for (String file : directory.schemaDocuments()) {
            try {
                out.put(file, directory.document(file));
            } catch (ConfigCicdException e) {
                throw ConfigCicdException.badInput(e.origin().isKnown() ? e.origin() : Origin.file(file),
                        "schema document " + file + " cannot be read: " + e.problem(),
                        e.hint().isEmpty() ? "write the schema as JSON or YAML" : e.hint());
            }
        }
        return out;
    }

    @Override
    public List<DirectoryProblem> problems() {
        return directory.problems();
    }

    @Override
    public String describe() {
        return "the configuration directory " + directory.root();
    }

    /**
     * @throws ConfigCicdException bad input naming the known environments and the file that would add it
     */
    public void requireEnvironment(String name) {
        if (!directory.hasEnvironment(name)) {
            throw ConfigCicdException.badInput("unknown environment '" + name + "'",
                    "known environments: " + String.join(", ", directory.environments())
                            + "; add " + GitWorkTrees.repositoryPrefix(directory.root()) + "environments/" + name + ".yaml"
                            + " or declare it under environments: in config-cicd.yaml");
        }
    }
}
