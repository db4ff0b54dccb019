package io.configcicd.maven;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.PolicySource;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.repo.git.RepositoryPaths;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The {@code config.*} parameters every goal shares (ARCHITECTURE 4), {@code config.skip}, and the one place where
 * the core's {@link ConfigCicdException} becomes a Maven exception: findings, bad input and denied access fail the
 * build ({@link MojoFailureException}: the project's content or rights are wrong), an external failure is an
 * execution error ({@link MojoExecutionException}). The message is the core's, naming file:line, the problem and
 * the hint; no cause is attached except for external failures, so Maven prints no chain of stack traces.
 */
public abstract class AbstractConfigMojo extends AbstractMojo {

    /** The directory name used when {@code config.dir} is not set. */
    static final String DEFAULT_CONFIG_DIR = "configuration";

    /**
     * The configuration directory (config-cicd.yaml, global/, environments/, schemas/). Default:
     * <code>${project.basedir}/configuration</code>; a project without it is skipped, unless this parameter was
     * set, in which case a missing directory fails the build.
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
     * A git revision (commit, tag, branch, anything {@code git rev-parse} takes). {@code validate}: the tree
     * validated instead of the working tree. {@code assess}: the head of the change assessed (default
     * {@code HEAD}).
     */
    @Parameter(property = "config.commit")
    private String commit;

    /**
     * The git ref whose committed {@code config-cicd.yaml} holds the {@code access:} and {@code audit:} sections in
     * force (for example {@code origin/main}), instead of the work tree's file (docs/security.md). Default:
     * {@code CONFIG_CICD_POLICY_REF}, else {@code access.policy_from} of the settings.
     */
    @Parameter(property = "config.policyRef")
    private String policyRef;

    /** Skips the goal. */
    @Parameter(property = "config.skip", defaultValue = "false")
    private boolean skip;

    /** Where the reports are written. */
    @Parameter(property = "config.reportDirectory", defaultValue = "${project.build.directory}/config-cicd")
    private File reportDirectory;

    /** The secrets of the configuration directory once a goal has opened it; every message passes through it. */
    private OutputMasker masker = OutputMasker.none();

    /** How files are named in messages: relative to the repository root once a goal has opened its directory. */
    private RepositoryPaths paths = RepositoryPaths.AS_GIVEN;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("config-cicd: skipped (config.skip=true)");
            return;
        }
        try {
            run();
        } catch (ConfigCicdException e) {
            rethrow(e, masker, paths);
        } catch (MojoFailureException e) {
            throw new MojoFailureException(masker.mask(e.getMessage()));
        }
    }

    /** From now on the log, the reports and failures mask the secrets of this configuration directory. */
    protected void maskSecretsOf(Path dir) {
        openWorkspace(dir).close();
    }

    /**
     * Opens the configuration directory once for the goal's work and, from now on, masks the log, the reports and
     * failures with its secrets; the caller closes it.
     */
    protected Workspace openWorkspace(Path dir) {
        paths = RepositoryPaths.of(dir);
        Workspace workspace = Workspace.open(dir, System.getenv());
        masker = workspace.masker();
        return workspace;
    }

    /**
     * The process environment the core's services see: it names the principal and holds the variables secrets
     * reference; {@code CONFIG_CICD_POLICY_REF} is {@code config.policyRef} when that is set.
     */
    protected Map<String, String> serviceEnvironment() {
        if (policyRef == null || policyRef.isBlank()) {
            return System.getenv();
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(PolicySource.VARIABLE, policyRef.strip());
        return Map.copyOf(env);
    }

    /** The masker in use. */
    protected OutputMasker masker() {
        return masker;
    }

    /** The Maven log, every secret masked. */
    protected Log log() {
        return new MaskingLog(getLog(), masker);
    }

    /** The goal's work, after {@code config.skip} was checked; a {@link ConfigCicdException} may escape. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /**
     * The one mapping of the core's failures to Maven's: findings, bad input and denied access are the project's
     * fault (a failed build), an external failure is an execution error. The core's message already names
     * file:line, the problem and the hint; the core exception itself is not attached, so Maven prints no chain.
     */
    static void rethrow(ConfigCicdException e) throws MojoExecutionException, MojoFailureException {
        rethrow(e, OutputMasker.none(), RepositoryPaths.AS_GIVEN);
    }

    /** {@link #rethrow(ConfigCicdException)} with the message masked and its file named through {@code paths}. */
    static void rethrow(ConfigCicdException e, OutputMasker masker, RepositoryPaths paths)
            throws MojoExecutionException, MojoFailureException {
        String message = masker.mask((e.origin().isKnown() ? paths.origin(e.origin()) + ": " : "") + e.problem()
                + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"));
        switch (e.kind()) {
            case FINDINGS, BAD_INPUT, ACCESS_DENIED -> throw new MojoFailureException(message);
            case EXTERNAL -> throw new MojoExecutionException(message, e.getCause());
            default -> throw new MojoExecutionException(message);
        }
    }

    /** Whether the user set {@code config.dir} (property or plugin configuration). */
    protected boolean configDirSetExplicitly() {
        return configDir != null;
    }

    /** The configuration directory, absolute. */
    protected Path configDirectory() {
        File dir = configDir != null ? configDir : new File(basedir, DEFAULT_CONFIG_DIR);
        if (!dir.isAbsolute()) {
            dir = new File(basedir, dir.getPath());
        }
        return dir.toPath().toAbsolutePath().normalize();
    }

    /** The environments asked for; empty means every environment. */
    protected List<String> environments() {
        return splitList(environment);
    }

    /**
     * The configuration directory when it exists. A missing default directory is not an error: the goal logs
     * {@code no configuration directory at configuration, nothing to <verb>} and returns empty, so a reactor where
     * only some modules have one works. A missing directory that {@code config.dir} names fails the build.
     *
     * @param verb what the goal would have done, for the log line ({@code validate}, {@code assess})
     */
    protected Optional<Path> existingConfigDirectory(String verb) throws MojoFailureException {
        Path dir = configDirectory();
        if (Files.isDirectory(dir)) {
            return Optional.of(dir);
        }
        if (configDirSetExplicitly()) {
            throw new MojoFailureException("configuration directory " + dir
                    + " does not exist or is not a directory (set by config.dir / <configDir>)");
        }
        getLog().info("config-cicd: no configuration directory at " + display(dir) + ", nothing to " + verb);
        return Optional.empty();
    }

    /**
     * A parameter's value read by the core's parser; empty when the parameter is not set.
     *
     * @param value     the parameter as configured, possibly null or blank
     * @param parameter the parameter's name in the plugin configuration, for the message
     * @param property  its user property, for the message
     * @param parser    the core's parser, throwing {@link IllegalArgumentException} with the accepted values
     * @throws MojoFailureException naming the parameter, its property and the parser's message
     */
    protected static <T> Optional<T> parameter(String value, String parameter, String property,
                                               Function<String, T> parser) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.trim()));
        } catch (IllegalArgumentException e) {
            throw parameterError(parameter, property, e);
        }
    }

    /** The git revision given by {@code config.commit}; empty for the working tree. */
    protected Optional<String> revision() {
        return commit == null || commit.isBlank() ? Optional.empty() : Optional.of(commit.trim());
    }

    /**
     * The report formats of a goal's {@code formats} parameter ({@code config.formats}), in the order given,
     * without repeats; none for {@code none}.
     */
    protected static List<ReportFormat> reportFormats(String formats) throws MojoFailureException {
        Set<ReportFormat> out = new LinkedHashSet<>();
        List<String> names = splitList(formats);
        if (names.size() == 1 && names.get(0).equalsIgnoreCase("none")) {
            return List.of();
        }
        try {
            for (String name : names) {
                out.add(ReportFormat.parse(name));
            }
        } catch (IllegalArgumentException e) {
            throw parameterError("formats", "config.formats", e);
        }
        return List.copyOf(out);
    }

    /** The report directory, absolute. */
    protected Path reportDirectory() {
        File dir = reportDirectory.isAbsolute() ? reportDirectory : new File(basedir, reportDirectory.getPath());
        return dir.toPath().toAbsolutePath().normalize();
    }

    /** The project's base directory. */
    protected Path basedir() {
        return basedir.toPath().toAbsolutePath().normalize();
    }

    /** A path for the log: relative to the project's base directory when it lies inside it. */
    protected String display(Path path) {
        Path base = basedir();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }

    /** The version of this plugin, written into reports. */
    protected static String pluginVersion() {
        Properties props = new Properties();
        try (InputStream in = AbstractConfigMojo.class.getResourceAsStream("plugin-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String version = props.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }

    /** A failure naming the parameter and its user property, for a value the core cannot use. */
    protected static MojoFailureException parameterError(String parameter, String property, IllegalArgumentException e) {
        return new MojoFailureException("invalid <" + parameter + "> (" + property + "): " + e.getMessage());
    }

    private static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(",")) {
            String name = part.trim();
            if (!name.isEmpty() && !out.contains(name)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }
}
