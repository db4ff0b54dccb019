package io.configcicd.maven;

import io.configcicd.core.api.ValidateOutcome;
import io.configcicd.core.api.ValidateRequest;
import io.configcicd.core.api.ValidationService;
import io.configcicd.core.model.Severity;
import io.configcicd.core.report.ReportFiles;
import io.configcicd.core.report.ReportFormat;
import io.configcicd.core.version.ConfigBackup;
import java.nio.file.Files;
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

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path dir = configDirectory();
        if (!Files.isDirectory(dir)) {
            if (configDirSetExplicitly()) {
                throw new MojoFailureException("configuration directory " + dir
                        + " does not exist or is not a directory (set by config.dir / <configDir>)");
            }
            getLog().info("config-cicd: no configuration directory at " + basedir().relativize(dir)
                    + ", nothing to validate");
            return;
        }
        maskSecretsOf(dir);
        List<ReportFormat> formats = reportFormats();
        ValidateRequest request = ValidateRequest.of(dir).withEnvironments(environments()).withFix(fix);
        Optional<String> revision = revision();
        if (revision.isPresent()) {
            request = request.withRevision(revision.get());
        }
        Optional<Severity> failOn = failOnSeverity();
        if (failOn.isPresent()) {
            request = request.withFailOn(failOn.get());
        }

        ValidateOutcome outcome = new ValidationService(pluginVersion(), java.time.Clock.systemDefaultZone(),
                System.getenv(), (d, scope, name, label, now) -> new ConfigBackup().create(d, scope, name, label, now).id())
                .validate(request);

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

    private String display(Path path) {
        Path base = basedir();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }
}
