package io.configcicd.maven;

import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.api.AssessRequest;
import io.configcicd.core.api.AssessmentService;
import io.configcicd.core.model.RiskLevel;
import io.configcicd.core.model.Severity;
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
 * Rates the configuration change of a commit: the effective changes of every environment (or the ones named by
 * {@code config.environment}) from {@code config.base} (default: the first parent) to {@code config.commit}
 * (default {@code HEAD}), each LOW, MEDIUM, HIGH or CRITICAL with its reasons, the findings the change introduces
 * and the tests to run. The assessment is logged, reports go to {@code target/config-cicd/}
 * ({@code config-cicd-assess.*}), the overall level is set as the project property {@value #RISK_LEVEL_PROPERTY}
 * (and the changed keys as {@value #CHANGED_KEYS_PROPERTY}) for the plugins that run after it, and the build fails
 * when the level is at or above {@code config.failOn}.
 *
 * <p>Bound by default to {@code verify}: a gate after the tests, like {@code failsafe:verify}. A project without
 * a configuration directory is skipped; a configuration directory outside a git work tree fails the build.
 */
@Mojo(name = "assess", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class AssessMojo extends AbstractConfigMojo {

    /** The project property that carries the overall risk level (LOW, MEDIUM, HIGH, CRITICAL). */
    public static final String RISK_LEVEL_PROPERTY = "config.riskLevel";

    /** The project property that carries the changed keys, sorted, comma separated; empty when nothing changed. */
    public static final String CHANGED_KEYS_PROPERTY = "config.changedKeys";

    /**
     * The lowest risk level that fails the build: {@code low}, {@code medium}, {@code high} or {@code critical}
     * (or the severity of the same rank: info, warning, error). Not set: the build does not fail on risk.
     */
    @Parameter(property = "config.failOn")
    private String failOn;

    /** The base revision of the change. Default: the first parent of {@code config.commit}. */
    @Parameter(property = "config.base")
    private String base;

    /** A deployment id carried into the reports, for the deploy that follows. */
    @Parameter(property = "config.deploymentId")
    private String deploymentId;

    /**
     * Report formats written to the report directory as {@code config-cicd-assess.*}, comma separated: text,
     * json, markdown, junit, sarif, gitlab, github; {@code none} writes no report.
     */
    @Parameter(property = "config.formats", defaultValue = "text,json,markdown")
    private String formats;

    /** The project whose properties receive the risk level. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Optional<Path> configDir = existingConfigDirectory("assess");
        if (configDir.isEmpty()) {
            return;
        }
        List<ReportFormat> reportFormats = reportFormats(formats);
        AssessRequest request = request(configDir.get());
        maskSecretsOf(configDir.get());

        AssessOutcome outcome = new AssessmentService(pluginVersion(), Clock.systemDefaultZone(), serviceEnvironment())
                .assess(request);

        if (outcome.assessments().isEmpty()) {
            log().warn("config-cicd: no environment in " + display(configDir.get()) + " at "
                    + request.head() + ", nothing assessed (is the configuration directory committed?)");
        }
        AssessmentLines.log(log(), outcome);
        Path reports = reportDirectory();
        if (!reportFormats.isEmpty()) {
            AssessmentReports.writeAll(outcome, reportFormats, reports, masker());
        }
        project.getProperties().setProperty(RISK_LEVEL_PROPERTY, outcome.riskLevel().name());
        project.getProperties().setProperty(CHANGED_KEYS_PROPERTY, String.join(",", outcome.changedKeys()));
        log().info(AssessmentLines.summary(outcome));
        if (!reportFormats.isEmpty()) {
            log().info("config-cicd: reports in " + display(reports));
        }
        if (outcome.failed()) {
            throw new MojoFailureException(AssessmentLines.failure(outcome));
        }
    }

    /**
     * {@code failOn} as a risk level; a severity (info, warning, error) stands for the level of the same rank, so one
     * {@code -Dconfig.failOn} serves {@code config:validate} and {@code config:assess} in the same build.
     */
    static RiskLevel threshold(String text) {
        try {
            return RiskLevel.parse(text);
        } catch (IllegalArgumentException notALevel) {
            try {
                return RiskLevel.of(Severity.parse(text));
            } catch (IllegalArgumentException e) {
                throw notALevel;
            }
        }
    }

    /** The core's request from the parameters; a bad {@code failOn} fails naming the parameter. */
    private AssessRequest request(Path dir) throws MojoFailureException {
        AssessRequest request = AssessRequest.of(dir).withEnvironments(environments());
        Optional<String> head = revision();
        if (head.isPresent()) {
            request = request.withHead(head.get());
        }
        if (base != null && !base.isBlank()) {
            request = request.withBase(base.trim());
        }
        if (deploymentId != null && !deploymentId.isBlank()) {
            request = request.withDeploymentId(deploymentId.trim());
        }
        Optional<RiskLevel> threshold = parameter(failOn, "failOn", "config.failOn", AssessMojo::threshold);
        if (threshold.isPresent()) {
            request = request.withFailOn(threshold.get());
        }
        return request;
    }
}
