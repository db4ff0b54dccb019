package io.configcicd.maven;

import io.configcicd.core.api.ValidateOutcome;
import io.configcicd.core.api.ValidateRequest;
import io.configcicd.core.api.ValidationService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import io.configcicd.core.report.ValidationLines;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the configuration directory: every environment's effective configuration (or the ones named by
 * {@code config.environment}), from the working tree or from {@code config.commit}. Findings are logged in the
 * compiler's shape ({@code configuration/environments/production.yaml:12:5: [rule-id] message (environment)}),
 * reports go to {@code target/config-cicd/}, and the build fails when a finding is at or above
 * {@code config.failOn}. A project without a configuration directory is skipped.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = true)
public class ValidateMojo extends AbstractConfigMojo {

    /** Applies the fixes that rules offer (a backup of each environment is taken first). */
    @Parameter(property = "config.fix", defaultValue = "false")
    private boolean fix;

    /**
     * The lowest severity that fails the build: {@code info}, {@code warning}, {@code error} or {@code critical}
     * (or the risk level of the same rank). Default: {@code validation.fail_on} of {@code config-cicd.yaml}, else
     * {@code error}.
     */
    @Parameter(property = "config.failOn")
    private String failOn;

    /** Report formats, comma separated: text, json, junit, sarif, gitlab, github, markdown; {@code none}: no report. */
    @Parameter(property = "config.formats", defaultValue = "text,json,junit,sarif")
    private String formats;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        MojoDirectories dirs = directories();
        Optional<Path> dir = dirs.existingConfigDirectory("validate");
        if (dir.isEmpty()) {
            return;
        }
        List<ReportFormat> reportFormats = MojoParameters.reportFormats(formats);
        MojoParameters.Shared shared = shared();
        ValidateRequest request = ValidateRequest.of(dir.get()).withEnvironments(shared.environments())
                .withRevision(shared.revision()).withFix(fix).withBackup(true)
                .withFailOn(MojoParameters.failOn(failOn));
        ValidateOutcome outcome;
        try (Workspace workspace = openWorkspace(dir.get())) { // one parse, for the masker and the validation
            outcome = new ValidationService(MojoParameters.pluginVersion(), Clock.systemDefaultZone(),
                    shared.serviceEnv()).validate(workspace, request);
            MaskingLog.write(log(), ValidationLines.fixes(outcome.report(), outcome.fixes()));
            MaskingLog.write(log(), ValidationLines.findings(outcome.report()));
            if (!reportFormats.isEmpty()) {
                ReportFiles.writeAll(outcome.report(), reportFormats, dirs.reports(), workspace.masker());
            }
        }
        log().info(ValidationLines.summary(outcome.report(), outcome.waived().size(), outcome.fixes().size(),
                outcome.failOn()));
        if (!reportFormats.isEmpty()) {
            log().info("config-cicd: reports in " + dirs.display(dirs.reports()));
        }
        if (outcome.failed()) {
            throw new MojoFailureException(ValidationLines.failure(outcome.report(), outcome.failOn()));
        }
    }
}
