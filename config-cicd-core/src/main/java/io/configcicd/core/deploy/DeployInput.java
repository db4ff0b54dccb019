package io.configcicd.core.deploy;

import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.source.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of the engine works on: the configuration directory (journal, locks), the directory target paths are
 * relative to (the repository's root), the snapshot deployed (the work tree or a commit) and the commit its records
 * name, why the work tree counts as dirty (empty: clean, or a commit), the environment and the targets asked for
 * (empty: all of the environment's), the deployment id asked for, who acts, the flags, the process environment
 * (secrets to resolve, target options) and the masker of the run.
 */
public record DeployInput(Path configDir, Path baseDirectory, Snapshot snapshot, String commit, String dirty,
                          String environment, List<String> targets, Optional<String> deploymentId, String who,
                          boolean dryRun, boolean force, Map<String, String> env, OutputMasker masker) {

    public DeployInput {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(dirty, "dirty");
        Objects.requireNonNull(environment, "environment");
        targets = List.copyOf(targets);
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(who, "who");
        env = Map.copyOf(env);
        Objects.requireNonNull(masker, "masker");
    }
}
