package io.configcicd.core.source;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.ConfigDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The files of one configuration in one commit: base documents in merge (file-name) order, the override
 * documents of the environment (one, normally) and the settings file, each as a blob id.
 */
public record RevisionFiles(List<Blob> globals, List<Blob> overrides, Optional<Blob> settings) {

    /** One file: its name relative to the configuration directory and its content's id. */
    public record Blob(String relative, ObjectId id) {
    }

    public RevisionFiles {
        globals = List.copyOf(globals);
        overrides = List.copyOf(overrides);
    }

    /** The override document of {@code environment}; two of them is bad input, as in the work tree. */
    public Optional<Blob> override(String environment, String revision) {
        if (overrides.size() > 1) {
            throw ConfigCicdException.badInput("environment '" + environment + "' has several override documents at "
                    + revision + ": " + overrides.stream().map(Blob::relative).toList(),
                    "keep one file per environment in " + ConfigDirectory.ENVIRONMENTS_DIR + "/");
        }
        return overrides.stream().findFirst();
    }

    /** The documents of the effective configuration, in merge order: what decides its content. */
    public List<Blob> effectiveLayers(String environment, String revision) {
        List<Blob> layers = new ArrayList<>(globals);
        override(environment, revision).ifPresent(layers::add);
        return layers;
    }
}
