package io.configcicd.maven;

import static io.configcicd.maven.ConfigRepository.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.lenient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config:assess} through the plugin testing harness, on real git repositories built commit by commit in a
 * temporary directory ({@link ConfigRepository}); {@code configDir} points there through
 * {@code ${test.workspace}}. The project's properties are a real {@link Properties}, so the tests see what later
 * plugins would see.
 */
@MojoTest
class AssessMojoTest {

    private static final String SECRET = "hunter2-in-plain-text";
    private static final String CONFIG_DIR = "${test.workspace}/configuration";

    @Inject
    private MavenProject project;

    @Inject
    private MavenSession session;

    @TempDir
    private Path buildDirectory;

    @TempDir
    private Path workspace;

    private final CapturingLog log = new CapturingLog();
    private final Properties properties = new Properties();

    @Provides
    Log log() {
        return log;
    }

    @BeforeEach
    void buildDirectoryAndPropertiesOfTheProject() {
        Build build = new Build();
        build.setDirectory(buildDirectory.toString());
        lenient().when(project.getBuild()).thenReturn(build);
        lenient().when(project.getProperties()).thenReturn(properties);
        session.getUserProperties().setProperty("test.workspace", workspace.toString());
    }

    private Path reports() {
        return buildDirectory.resolve("config-cicd");
    }

    private ConfigRepository repository() throws Exception {
        return ConfigRepository.create(workspace);
    }

    /** A second commit that turns multi-factor authentication off: security.** is CRITICAL. */
    private ConfigRepository criticalChange() throws Exception {
        ConfigRepository repo = repository();
        repo.replace(BASE, "mfa_required: true", "mfa_required: false").commit("turn MFA off");
        return repo;
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "failOn", value = "medium")
    void reformattedFileIsLowAndPassesAndSetsTheProperty(AssessMojo mojo) throws Exception {
        repository().write(BASE, ConfigRepository.BASE_YAML_REFORMATTED).commit("reformat base.yaml");

        mojo.execute();

        assertThat(properties).containsEntry("config.riskLevel", "LOW").containsEntry("config.changedKeys", "");
        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l).startsWith("risk LOW for development ("))
                .anySatisfy(l -> assertThat(l).contains("no effective changes"))
                .contains("config-cicd assess: risk LOW, 2 environments (development, production), 0 changed keys;"
                        + " fails on medium and above");
        assertThat(log.lines("ERROR")).isEmpty();
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    void defaultReportsAreTextJsonAndMarkdown(AssessMojo mojo) throws Exception {
        criticalChange();

        mojo.execute();

        try (Stream<Path> files = Files.list(reports())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "config-cicd-assess.txt", "config-cicd-assess.json", "config-cicd-assess.md");
        }
        assertThat(reports().resolve("config-cicd-assess.json")).content()
                .contains("\"risk_level\"").contains("CRITICAL").contains("security.mfa_required");
        assertThat(log.lines("INFO")).contains("config-cicd: reports in " + reports());
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "failOn", value = "critical")
    void criticalChangeFailsAtFailOnCriticalNamingTheChangeAfterSettingTheProperty(AssessMojo mojo)
            throws Exception {
        criticalChange();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("configuration change risk CRITICAL is at or above failOn critical: ")
                .hasMessageContaining("modified security.mfa_required at configuration/global/base.yaml:5")
                .hasNoCause();

        assertThat(properties).containsEntry("config.riskLevel", "CRITICAL")
                .containsEntry("config.changedKeys", "security.mfa_required");
        assertThat(reports().resolve("config-cicd-assess.md")).isRegularFile();
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    void withoutFailOnEvenACriticalChangeOnlyReports(AssessMojo mojo) throws Exception {
        criticalChange();

        mojo.execute();

        assertThat(properties).containsEntry("config.riskLevel", "CRITICAL");
        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l)
                .startsWith("config-cicd assess: risk CRITICAL, 2 environments (development, production), "
                        + "1 changed key; no failOn threshold"));
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "failOn", value = "high")
    @MojoParameter(name = "formats", value = "text,json,markdown,junit,sarif,gitlab,github")
    void plaintextSecretNeverAppearsInTheLogTheFailureOrAnyReport(AssessMojo mojo) throws Exception {
        repository().replace(BASE, "${DB_PASSWORD}", SECRET).commit("password in plain text");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("database.password")
                .hasMessageNotContaining(SECRET);

        assertThat(log.lines()).isNotEmpty().noneSatisfy(l -> assertThat(l).contains(SECRET));
        try (Stream<Path> files = Files.list(reports())) {
            for (Path report : files.toList()) {
                assertThat(report).content().doesNotContain(SECRET);
            }
        }
        assertThat(properties.getProperty("config.riskLevel")).isIn("HIGH", "CRITICAL");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "commit", value = "HEAD~1")
    void commitChoosesTheHeadOfTheChange(AssessMojo mojo) throws Exception {
        criticalChange().write(BASE, ConfigRepository.BASE_YAML_REFORMATTED.replace("true", "false"))
                .commit("reformat");

        mojo.execute();

        assertThat(properties).containsEntry("config.riskLevel", "CRITICAL");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "base", value = "HEAD~2")
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "deploymentId", value = "deploy-42")
    void baseEnvironmentAndDeploymentIdReachTheAssessment(AssessMojo mojo) throws Exception {
        criticalChange().write(BASE, ConfigRepository.BASE_YAML_REFORMATTED.replace("true", "false"))
                .commit("reformat");

        mojo.execute();

        // production alone would be CRITICAL; development lowers security.** by one level
        assertThat(properties).containsEntry("config.riskLevel", "HIGH");
        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l)
                .startsWith("config-cicd assess: risk HIGH, 1 environment (development), 1 changed key;"));
        assertThat(reports().resolve("config-cicd-assess.json")).content().contains("deploy-42");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "staging")
    void unknownEnvironmentFailsTheBuildNamingIt(AssessMojo mojo) throws Exception {
        criticalChange();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("staging")
                .hasNoCause();
        assertThat(properties).doesNotContainKey("config.riskLevel");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "failOn", value = "loud")
    void anUnknownFailOnNamesTheParameterAndTheRiskLevels(AssessMojo mojo) throws Exception {
        criticalChange();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<failOn> (config.failOn)")
                .hasMessageContaining("'loud'")
                .hasMessageContaining("low, medium, high or critical");
        assertThat(reports()).doesNotExist();
    }

    @Test
    void aSeverityAsFailOnMeansTheRiskLevelOfTheSameRankSoValidateAndAssessShareTheProperty() throws Exception {
        assertThat(threshold("error").riskLevel()).isEqualTo(io.configcicd.core.model.RiskLevel.HIGH);
        assertThat(threshold("Critical").riskLevel()).isEqualTo(io.configcicd.core.model.RiskLevel.CRITICAL);
        assertThat(threshold("high").severity()).isEqualTo(io.configcicd.core.model.Severity.ERROR);
        assertThat(threshold("warning").severity()).isEqualTo(io.configcicd.core.model.Severity.WARNING);
        assertThatThrownBy(() -> threshold("loud")).hasMessageContaining("info, warning, error");
    }

    private static io.configcicd.core.model.Threshold threshold(String failOn) throws Exception {
        return MojoParameters.failOn(failOn).orElseThrow();
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    void configurationDirectoryOutsideGitFailsTheBuild(AssessMojo mojo) throws Exception {
        Files.createDirectories(workspace.resolve("configuration/global"));
        Files.writeString(workspace.resolve("configuration/global/base.yaml"), ConfigRepository.BASE_YAML);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("not inside a git repository")
                .hasNoCause();
        assertThat(properties).doesNotContainKey("config.riskLevel");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    void uncommittedConfigurationDirectoryAssessesNothingAndWarns(AssessMojo mojo) throws Exception {
        ConfigRepository repo = repository();
        Files.move(repo.configDir(), workspace.resolve("moved"));
        repo.commit("configuration moved away");
        Files.move(workspace.resolve("moved"), repo.configDir());

        mojo.execute();

        assertThat(log.lines("WARN")).singleElement().satisfies(l -> assertThat(l)
                .startsWith("config-cicd: no environment in ").contains(" at HEAD, nothing assessed"));
        assertThat(properties).containsEntry("config.riskLevel", "LOW");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    void projectWithoutConfigurationDirectoryIsLeftAlone(AssessMojo mojo) throws Exception {
        mojo.execute();

        assertThat(log.lines()).containsExactly(
                "INFO config-cicd: no configuration directory at configuration, nothing to assess");
        assertThat(properties).isEmpty();
        assertThat(reports()).doesNotExist();
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "assess")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "failOn", value = "low")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(AssessMojo mojo) throws Exception {
        criticalChange();

        mojo.execute();

        assertThat(log.lines()).containsExactly("INFO config-cicd: skipped (config.skip=true)");
        assertThat(properties).isEmpty();
    }
}
