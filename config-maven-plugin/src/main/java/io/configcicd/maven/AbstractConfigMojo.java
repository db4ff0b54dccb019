package io.configcicd.maven;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.Origin;
import io.configcicd.core.security.OutputMasker;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/** The {@code config.*} parameters every goal shares, {@code config.skip}, the masked log, {@link MojoFailures}. */
public abstract class AbstractConfigMojo extends AbstractMojo {

    /**
     * The configuration directory; default <code>${project.basedir}/configuration</code>. A project without it is
     * skipped, unless this parameter was set: then a missing directory fails the build.
     */
    @Parameter(property = "config.dir")
    private File configDir;

    /** The project's base directory, the default parent of the configuration directory. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** Environment names, comma separated; empty means every environment of the configuration directory. */
    @Parameter(property = "config.environment")
    private String environment;

    /**
     * A git revision: {@code validate}: the tree validated instead of the work tree; {@code assess}: the head;
     * {@code deploy}, {@code drift}: the configuration deployed or compared, read from git's objects.
     */
    @Parameter(property = "config.commit")
    private String commit;

    /** The git ref whose committed config-cicd.yaml holds access: and audit: (docs/security.md), e.g. origin/main. */
    @Parameter(property = "config.policyRef")
    private String policyRef;

    /** Skips the goal. */
    @Parameter(property = "config.skip", defaultValue = "false")
    private boolean skip;

    /** Where the reports are written. */
    @Parameter(property = "config.reportDirectory", defaultValue = "${project.build.directory}/config-cicd")
    private File reportDirectory;

    /** Masking and file naming (from the repository root) of the directory, once a goal has opened it. */
    private UnaryOperator<String> mask = UnaryOperator.identity();
    private Function<Origin, String> naming = Origin::toString;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("config-cicd: skipped (config.skip=true)");
            return;
        }
        try {
            run();
        } catch (ConfigCicdException e) {
            MojoFailures.rethrow(e, mask, naming);
        } catch (MojoFailureException e) {
            throw new MojoFailureException(mask.apply(e.getMessage()));
        }
    }

    /** The goal's work; a {@link ConfigCicdException} may escape. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Opens the directory once for the goal; from now on the log and failures mask its secrets. Caller closes it. */
    protected Workspace openWorkspace(Path dir) {
        naming = Workspace.pathsOf(dir)::origin;
        Workspace workspace = Workspace.open(dir, System.getenv(), Clock.systemDefaultZone(), event -> MaskingLog.event(log(), event));
        mask = workspace.masker()::mask;
        return workspace;
    }

    /** From now on the log and failures also mask the secrets of {@code more} (values a deploy resolved). */
    protected void maskAlso(OutputMasker more) {
        maskAlso(more::mask);
    }

    /** From now on the log and failures also mask with {@code more} (a run's secrets as the service learns them). */
    protected void maskAlso(UnaryOperator<String> more) {
        UnaryOperator<String> before = mask;
        mask = text -> more.apply(before.apply(text));
    }

    /** The Maven log, every secret masked. */
    protected Log log() {
        return new MaskingLog(getLog(), mask);
    }

    /** The project's directories: configuration, reports, base. */
    protected MojoDirectories directories() {
        return new MojoDirectories(basedir, Optional.ofNullable(configDir), reportDirectory, getLog());
    }

    /** {@code config.environment}, {@code config.commit} and the environment the services see (policy ref). */
    protected MojoParameters.Shared shared() {
        return new MojoParameters.Shared(MojoParameters.list(environment), MojoParameters.value(commit),
                MojoParameters.serviceEnvironment(policyRef));
    }
}
