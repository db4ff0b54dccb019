package io.configcicd.maven;

import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.TestStoresOutcome;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.DeployReports;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks every target of the environments of {@code config.environment} (default: every environment with targets):
 * reachable, authenticated, can read, can write, latency. Writes {@code test-stores.json} and {@code test-stores.md}
 * to {@code target/config-cicd/}; a target that fails is an execution error. Not bound to a phase.
 */
@Mojo(name = "test-stores", threadSafe = true, requiresProject = true)
public class TestStoresMojo extends AbstractConfigMojo {

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        MojoDirectories dirs = directories();
        Optional<Path> dir = dirs.existingConfigDirectory("test");
        if (dir.isEmpty()) {
            return;
        }
        try (Workspace workspace = openWorkspace(dir.get())) {
            TestStoresOutcome outcome = new DeployService().testStores(workspace, shared().environments());
            DeployGoals.finish(log(), dirs, "test-stores", workspace.masker()::mask,
                    DeployReports.text(outcome.checks()), DeployReports.structure(outcome.checks()),
                    DeployReports.markdown(outcome.checks()), outcome.failure(), "a target failed its check");
        }
    }
}
