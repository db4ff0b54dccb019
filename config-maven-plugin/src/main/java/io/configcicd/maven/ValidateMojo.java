package io.configcicd.maven;

import io.configcicd.core.api.BackupTaker;
import io.configcicd.core.api.ValidateOutcome;
import io.configcicd.core.api.ValidateRequest;
import io.configcicd.core.api.ValidationService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.RiskLevel;
import io.configcicd.core.model.Severity;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import java.nio.file.Path;
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
 * {@code config.failOn}. A project without a configuration directory is skipped, so a reactor where only some
 * modules have one works.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = true)
public class ValidateMojo extends AbstractConfigMojo {

    /** Applies the fixes that rules offer (for example a plaintext secret replaced by a variable reference). */
    @Parameter(property = "config.fix", defaultValue = "false")
    private boolean fix;

    /**
     * The lowest severity that fails the build: {@code info}, {@code warning}, {@code error} or
     * {@code critical}. Default: {@code validation.fail_on} of {@code config-cicd.yaml}, else {@code error}.
     */
    @Parameter(property = "config.failOn")
    private String failOn;

    /**
     * Report formats written to the report directory, comma separated: text, json, junit, sarif, gitlab,
     * github, markdown; {@code none} writes no report.
     */
    @Parameter(property = "config.formats", defaultValue = "text,json,junit,sarif")
    private String formats;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Optional<Path> configDir = existingConfigDirectory("validate");
        if (configDir.isEmpty()) {
            return;
        }
        Path dir = configDir.get();
        List<ReportFormat> formats = reportFormats(this.formats);
        ValidateRequest request = ValidateRequest.of(dir).withEnvironments(environments()).withFix(fix);
        Optional<String> revision = revision();
        if (revision.isPresent()) {
            request = request.withRevision(revision.get());
        }
        Optional<Severity> threshold = parameter(failOn, "failOn", "config.failOn", ValidateMojo::threshold);
        if (threshold.isPresent()) {
            request = request.withFailOn(threshold.get());
        }

        ValidationService service = new ValidationService(pluginVersion(), java.time.Clock.systemDefaultZone(),
                serviceEnvironment(), BackupTaker.configBackups());
        ValidateOutcome outcome;
        try (Workspace workspace = openWorkspace(dir)) { // one parse, for the masker and the validation
            outcome = service.validate(workspace, request);
        }

        FindingLines.logFixes(log(), outcome.report(), outcome.fixes());
        FindingLines.log(log(), outcome.report());
        Path reports = reportDirectory();
        if (!formats.isEmpty()) {
            ReportFiles.writeAll(outcome.report(), formats, reports, masker());
        }
        log().info(FindingLines.summary(outcome));
        if (!formats.isEmpty()) {
            log().info("config-cicd: reports in " + display(reports));
        }
        if (outcome.failed()) {
            throw new MojoFailureException(FindingLines.failure(outcome));
        }
    }

    /**
     * {@code failOn} as a severity; a risk level (low, medium, high) stands for the severity of the same rank, so one
     * {@code -Dconfig.failOn} serves {@code config:validate} and {@code config:assess} in the same build.
     */
    static Severity threshold(String text) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException notASeverity) {
            try {
                return RiskLevel.parse(text).severity();
            } catch (IllegalArgumentException e) {
                throw notASeverity;
            }
        }
    }
}
