package io.configcicd.maven;

import io.configcicd.core.api.DeployRequest;
import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.DriftOutcome;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.DeployReports;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares every target of {@code config.environment} with its last deployed record and with the configuration (the
 * work tree, or {@code config.commit}); fails the build when a target drifted (someone edited the store by hand).
 * Writes {@code drift.json} and {@code drift.md} to {@code target/config-cicd/}. Not bound to a phase.
 */
@Mojo(name = "drift", threadSafe = true, requiresProject = true)
public class DriftMojo extends AbstractConfigMojo {

    /** Only these targets of the environment, comma separated; empty: every target of the environment. */
    @Parameter(property = "config.targets")
    private String targets;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        MojoDirectories dirs = directories();
        Optional<Path> dir = dirs.existingConfigDirectory("check for drift");
        if (dir.isEmpty()) {
            return;
        }
        MojoParameters.Shared shared = shared();
        DeployRequest request = DeployRequest.of(DeployGoals.environment(shared.environments(), "drift"))
                .withTargets(MojoParameters.list(targets)).withRevision(shared.revision());
        try (Workspace workspace = openWorkspace(dir.get())) {
            DriftOutcome outcome = new DeployService().drift(workspace, request);
            maskAlso(outcome.masker());
            DeployGoals.finish(log(), dirs, "drift", outcome.masker()::mask, DeployReports.text(outcome.drift()),
                    DeployReports.structure(outcome.drift()), DeployReports.markdown(outcome.drift()),
                    outcome.failure(), "a target of " + request.environment() + " drifted from its last deploy");
        }
    }
}
