package io.configcicd.maven;

import io.configcicd.core.api.DeployOutcome;
import io.configcicd.core.api.DeployRequest;
import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.DeployReports;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pushes the effective configuration of {@code config.environment} (from the work tree, or {@code config.commit}) to
 * the environment's targets, all or nothing: validate, plan, guardrails, apply, verify, journal. Logs the plan and the
 * outcome, writes {@code deploy.json} and {@code deploy.md} to {@code target/config-cicd/}; a refusal (validation, a
 * guardrail) fails the build, a store that failed (the others restored) is an execution error. Not bound to a phase:
 * a deploy is an explicit act ({@code mvn config:deploy -Dconfig.environment=production}).
 */
@Mojo(name = "deploy", threadSafe = true, requiresProject = true)
public class DeployMojo extends AbstractConfigMojo {

    /** Only these targets of the environment, comma separated; empty: every target of the environment. */
    @Parameter(property = "config.targets")
    private String targets;

    /** Logs the plan and the drift per target and writes nothing. */
    @Parameter(property = "config.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** The deployment's id. Default: GITHUB_RUN_ID, CI_PIPELINE_ID, BUILD_TAG, else a time-based id. */
    @Parameter(property = "config.deploymentId")
    private String deploymentId;

    /** Deploys past the guardrails (max_change_ratio, protected_keys, a protected environment from a dirty tree). */
    @Parameter(property = "config.force", defaultValue = "false")
    private boolean force;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        MojoDirectories dirs = directories();
        Optional<Path> dir = dirs.existingConfigDirectory("deploy");
        if (dir.isEmpty()) {
            return;
        }
        MojoParameters.Shared shared = shared();
        DeployRequest request = DeployRequest.of(DeployGoals.environment(shared.environments(), "deploy"))
                .withTargets(MojoParameters.list(targets)).withRevision(shared.revision())
                .withDeploymentId(MojoParameters.value(deploymentId)).withDryRun(dryRun).withForce(force);
        try (Workspace workspace = openWorkspace(dir.get())) {
            DeployOutcome outcome = new DeployService().deploy(workspace, request);
            maskAlso(outcome.masker());
            var d = outcome.deployment();
            DeployGoals.finish(log(), dirs, "deploy", outcome.masker()::mask, DeployReports.text(d),
                    DeployReports.structure(d), DeployReports.markdown(d), outcome.failure(),
                    "deploy of " + d.environment() + " " + d.status().word() + " (deployment " + d.id() + ")");
        }
    }
}
