package io.configcicd.maven;

import io.configcicd.core.api.AssessRequest;
import io.configcicd.core.api.AssessmentService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.report.AssessmentLines;
import io.configcicd.core.report.AssessmentReports;
import io.configcicd.core.report.ReportFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Rates the configuration change of a commit: the effective changes of every environment (or those of
 * {@code config.environment}) from {@code config.base} (default: the first parent) to {@code config.commit} (default
 * {@code HEAD}), LOW to CRITICAL with reasons, findings and tests to run. Logs it, writes reports to
 * {@code target/config-cicd/}, sets {@value #RISK_LEVEL_PROPERTY} and {@value #CHANGED_KEYS_PROPERTY}, and fails at
 * {@code config.failOn}. Bound to {@code verify}; a project without a configuration directory is skipped.
 */
@Mojo(name = "assess", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class AssessMojo extends AbstractConfigMojo {

    /** The project property that carries the overall risk level (LOW, MEDIUM, HIGH, CRITICAL). */
    public static final String RISK_LEVEL_PROPERTY = "config.riskLevel";

    /** The project property that carries the changed keys, sorted, comma separated; empty when nothing changed. */
    public static final String CHANGED_KEYS_PROPERTY = "config.changedKeys";

    /** The lowest risk level that fails the build (or the severity of the same rank); not set: no gate. */
    @Parameter(property = "config.failOn")
    private String failOn;

    /** The base revision of the change. Default: the first parent of {@code config.commit}. */
    @Parameter(property = "config.base")
    private String base;

    /** A deployment id carried into the reports, for the deploy that follows. */
    @Parameter(property = "config.deploymentId")
    private String deploymentId;

    /** Report formats ({@code config-cicd-assess.*}): text, json, markdown, junit, sarif, gitlab, github; none. */
    @Parameter(property = "config.formats", defaultValue = "text,json,markdown")
    private String formats;

    /** The project whose properties receive the risk level. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        MojoDirectories dirs = directories();
        Optional<Path> dir = dirs.existingConfigDirectory("assess");
        if (dir.isEmpty()) {
            return;
        }
        List<ReportFormat> reportFormats = MojoParameters.reportFormats(formats);
        MojoParameters.Shared shared = shared();
        AssessRequest request = AssessRequest.of(dir.get()).withEnvironments(shared.environments())
                .withHead(shared.revision().orElse("HEAD")).withBase(MojoParameters.value(base))
                .withDeploymentId(MojoParameters.value(deploymentId)).withFailOn(MojoParameters.failOn(failOn));
        AssessOutcome outcome;
        try (Workspace workspace = openWorkspace(dir.get())) {
            outcome = new AssessmentService(MojoParameters.pluginVersion(), Clock.systemDefaultZone(),
                    shared.serviceEnv()).assess(request);
            if (outcome.assessments().isEmpty()) {
                log().warn("config-cicd: no environment in " + dirs.display(dir.get()) + " at " + request.head()
                        + ", nothing assessed (is the configuration directory committed?)");
            }
            MaskingLog.write(log(), AssessmentLines.lines(outcome));
            if (!reportFormats.isEmpty()) {
                AssessmentReports.writeAll(outcome, reportFormats, dirs.reports(), workspace.masker());
            }
        }
        project.getProperties().setProperty(RISK_LEVEL_PROPERTY, outcome.riskLevel().name());
        project.getProperties().setProperty(CHANGED_KEYS_PROPERTY, String.join(",", outcome.changedKeys()));
        log().info(AssessmentLines.summary(outcome));
        if (!reportFormats.isEmpty()) {
            log().info("config-cicd: reports in " + dirs.display(dirs.reports()));
        }
        if (outcome.failed()) {
            throw new MojoFailureException(AssessmentLines.failure(outcome));
        }
    }
}
