package io.configcicd.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.lenient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config:validate} through the plugin testing harness: the Mojo is looked up from the generated plugin
 * descriptor and configured the way Maven configures it (parameters, defaults, {@code ${project.*}} expressions).
 * Projects live under {@code src/test/resources/unit/}; reports go to a temporary build directory.
 */
@MojoTest
class ValidateMojoTest {

    private static final String PRODUCTION = "configuration/environments/production.yaml";

    @Inject
    private MavenProject project;

    @Inject
    private MavenSession session;

    @TempDir
    private Path buildDirectory;

    /** A scratch repository for tests that commit or fix files; {@code ${test.workspace}} in parameters. */
    @TempDir
    private Path workspace;

    private final CapturingLog log = new CapturingLog();

    @Provides
    Log log() {
        return log;
    }

    @BeforeEach
    void buildDirectoryIsATemporaryDirectory() {
        Build build = new Build();
        build.setDirectory(buildDirectory.toString());
        lenient().when(project.getBuild()).thenReturn(build);
        session.getUserProperties().setProperty("test.workspace", workspace.toString());
    }

    private Path reports() {
        return buildDirectory.resolve("config-cicd");
    }

    @Test
    @Basedir("/unit/passing")
    @InjectMojo(goal = "validate")
    void passingConfigurationWritesTheDefaultReports(ValidateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(reports().resolve("config-cicd.txt")).isRegularFile();
        assertThat(reports().resolve("config-cicd.json")).isRegularFile();
        assertThat(reports().resolve("TEST-config-cicd.xml")).isRegularFile();
        assertThat(reports().resolve("config-cicd.sarif")).isRegularFile();
        assertThat(reports().resolve("gl-code-quality-report.json")).doesNotExist();
        assertThat(log.lines("ERROR")).isEmpty();
        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l)
                .startsWith("config-cicd validate: 2 environments (development, production), 0 critical, 0 errors, 0 warnings, 0 info;"));
    }

    @Test
    @Basedir("/unit/failing")
    @InjectMojo(goal = "validate")
    void schemaViolationFailsTheBuildNamingFileLineAndRule(ValidateMojo mojo) throws Exception {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 finding at or above error")
                .hasMessageContaining(PRODUCTION + ":4:9: [schema]")
                .hasMessageContaining("(production)")
                .hasNoCause();

        assertThat(log.lines("ERROR")).singleElement().satisfies(l -> assertThat(l)
                .contains(PRODUCTION + ":4:9: [schema] ")
                .endsWith(" (production)"));
        assertThat(reports().resolve("config-cicd.json")).content().contains("\"schema\"");
        assertThat(reports().resolve("TEST-config-cicd.xml")).content().contains("failure");
    }

    @Test
    @Basedir("/unit/failing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(ValidateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(reports()).doesNotExist();
        assertThat(log.lines()).containsExactly("INFO config-cicd: skipped (config.skip=true)");
    }

    @Test
    @Basedir("/unit/failing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "failOn", value = "critical")
    void failOnCriticalLetsAnErrorPassButStillReportsIt(ValidateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(log.lines("ERROR")).singleElement().satisfies(l -> assertThat(l).contains(PRODUCTION + ":4:9"));
        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l).contains("1 error")
                .endsWith("fails on critical and above"));
        assertThat(reports().resolve("config-cicd.sarif")).isRegularFile();
    }

    @Test
    @Basedir("/unit/warning")
    @InjectMojo(goal = "validate")
    void warningsAreLoggedAsWarningsAndDoNotFailTheBuild(ValidateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(log.lines("ERROR")).isEmpty();
        assertThat(log.lines("WARN")).singleElement().satisfies(l -> assertThat(l)
                .contains(PRODUCTION + ":4:9: [schema] ")
                .endsWith(" (production)"));
    }

    @Test
    @Basedir("/unit/warning")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "failOn", value = "warning")
    void failOnWarningFailsOnAWarning(ValidateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 finding at or above warning")
                .hasMessageContaining(PRODUCTION + ":4:9: [schema]");
    }

    @Test
    @Basedir("/unit/failing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "environment", value = "development")
    void onlyTheNamedEnvironmentsAreValidated(ValidateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(log.lines("ERROR")).isEmpty();
        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l).contains("1 environment (development)"));
    }

    @Test
    @Basedir("/unit/failing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "formats", value = "json, gitlab")
    void formatsChooseTheReports(ValidateMojo mojo) throws Exception {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        try (var files = Files.list(reports())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("config-cicd.json", "gl-code-quality-report.json");
        }
    }

    @Test
    @Basedir("/unit/passing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "formats", value = "none")
    void formatsNoneWritesNoReport(ValidateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(reports()).doesNotExist();
        assertThat(log.lines()).noneSatisfy(l -> assertThat(l).contains("reports in"));
    }

    @Test
    @Basedir("/unit/secret")
    @InjectMojo(goal = "validate")
    void plaintextSecretFailsTheBuildWithoutPrintingTheSecret(ValidateMojo mojo) throws Exception {
        String secret = "hunter2-in-plain-text";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("configuration/global/base.yaml:9:13: [security.plaintext-secret]")
                .hasMessageNotContaining(secret);

        assertThat(log.lines("ERROR")).anySatisfy(l -> assertThat(l).contains("[security.plaintext-secret]"));
        assertThat(log.lines()).noneSatisfy(l -> assertThat(l).contains(secret));
        try (var files = Files.list(reports())) {
            for (Path report : files.toList()) {
                assertThat(report).content().doesNotContain(secret);
            }
        }
    }

    @Test
    @Basedir("/unit/failing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "environment", value = "staging")
    void unknownEnvironmentIsBadInput(ValidateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("staging")
                .hasNoCause();
    }

    @Test
    @Basedir("/unit/passing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "configDir", value = "${test.workspace}/configuration")
    @MojoParameter(name = "commit", value = "HEAD")
    void commitValidatesThatCommitsTreeNotTheWorkingTree(ValidateMojo mojo) throws Exception {
        Path config = workspace.resolve("configuration");
        copyTree(fixture("failing").resolve("configuration"), config);
        commitWorkspace("port as a string");
        Files.copy(fixture("passing").resolve(PRODUCTION),
                config.resolve("environments/production.yaml"), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(PRODUCTION + ":4:9: [schema]");
    }

    @Test
    @Basedir("/unit/passing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "configDir", value = "${test.workspace}/configuration")
    @MojoParameter(name = "policyRef", value = "main")
    void policyRefReadsTheAccessPolicyFromThatRefNotFromTheWorkingTree(ValidateMojo mojo) throws Exception {
        Path config = workspace.resolve("configuration");
        copyTree(fixture("passing").resolve("configuration"), config);
        Path settings = config.resolve("config-cicd.yaml");
        Files.writeString(settings, Files.readString(settings)
                + "access:\n  roles:\n    reader: {permissions: [read]}\n  bindings: {}\n");
        commitWorkspace("nobody may read");
        Files.writeString(settings, Files.readString(settings).replace("bindings: {}", "bindings: {\"*\": [reader]}"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("access denied").hasMessageContaining("read");
    }

    @Test
    @Basedir("/unit/secret")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "configDir", value = "${test.workspace}/configuration")
    @MojoParameter(name = "fix", value = "true")
    void fixWritesTheFixesRulesOfferAndLogsThem(ValidateMojo mojo) throws Exception {
        Path config = workspace.resolve("configuration");
        copyTree(fixture("secret").resolve("configuration"), config);

        mojo.execute();

        assertThat(config.resolve("global/base.yaml")).content().doesNotContain("hunter2-in-plain-text");
        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l)
                .startsWith("fixed ").contains("global/base.yaml: [security.plaintext-secret] database.password"));
        assertThat(log.lines()).noneSatisfy(l -> assertThat(l).contains("hunter2"));
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "validate")
    void projectWithoutConfigurationDirectoryIsLeftAlone(ValidateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(reports()).doesNotExist();
        assertThat(log.lines("INFO")).containsExactly("config-cicd: no configuration directory at configuration, "
                + "nothing to validate");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "configDir", value = "src/config")
    void explicitConfigDirThatDoesNotExistFailsNamingIt(ValidateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("src" + java.io.File.separator + "config")
                .hasMessageContaining("config.dir");
    }

    @Test
    @Basedir("/unit/passing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "failOn", value = "fatal")
    void unknownFailOnNamesTheParameter(ValidateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("config.failOn")
                .hasMessageContaining("'fatal'");
    }

    @Test
    @Basedir("/unit/passing")
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "formats", value = "text,pdf")
    void unknownFormatNamesTheParameter(ValidateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("config.formats")
                .hasMessageContaining("'pdf'");
    }

    @Test
    @Basedir("/unit/unparseable")
    @InjectMojo(goal = "validate")
    void unparseableFileFailsTheBuildWithTheCoresMessageAndNoStackTrace(ValidateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                // named from the repository root, as findings are (the fixture sits deep in this repository)
                .hasMessageMatching("(?s)(.*/)?unparseable/configuration/environments/production.yaml:3:9: .*")
                .hasNoCause();
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(ValidateMojoTest.class.getResource("/unit/" + name).toURI());
    }

    /** {@code git init} on main in the scratch workspace, and everything in it committed. */
    private void commitWorkspace(String message) throws Exception {
        try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor("Test", "test@example.com")
                    .setCommitter("Test", "test@example.com").setSign(false).call();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
