package io.configcicd.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.lenient;

import io.configcicd.core.api.DeployRequest;
import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config:deploy}, {@code config:drift} and {@code config:test-stores} through the plugin testing harness, on a
 * configuration directory in a temporary workspace ({@code ${test.workspace}}) whose {@code development} environment
 * deploys to a file target under the workspace.
 */
@MojoTest
class DeployMojoTest {

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

    @Provides
    Log log() {
        return log;
    }

    @BeforeEach
    void configurationWithAFileTarget() throws Exception {
        Build build = new Build();
        build.setDirectory(buildDirectory.toString());
        lenient().when(project.getBuild()).thenReturn(build);
        session.getUserProperties().setProperty("test.workspace", workspace.toString());
        write("config-cicd.yaml", """
                environments:
                  development: {targets: [local]}
                  production: {protected: true}
                targets:
                  local: {type: file, path: build/deployed}
                """);
        write("global/base.yaml", "service:\n  name: orders\n  port: 8080\nlogging:\n  level: INFO\n");
        write("environments/development.yaml", "logging:\n  level: DEBUG\n");
        write("environments/production.yaml", "service:\n  port: 8443\n");
    }

    private void write(String file, String text) throws Exception {
        Path p = workspace.resolve("configuration").resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Path deployed() {
        return workspace.resolve("build/deployed/development.json");
    }

    private Path reports() {
        return buildDirectory.resolve("config-cicd");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "deploy")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "deploymentId", value = "m1")
    void deployWritesTheTargetTheJournalAndTheReports(DeployMojo mojo) throws Exception {
        mojo.execute();

        assertThat(deployed()).content().contains("\"level\": \"DEBUG\"");
        assertThat(workspace.resolve("configuration/.config-cicd/deployments/m1.json")).isRegularFile();
        assertThat(reports().resolve("deploy.json")).content().contains("\"status\" : \"applied\"")
                .contains("\"deployment_id\" : \"m1\"");
        assertThat(reports().resolve("deploy.md")).content().contains("## deploy development: applied to 1 target(s)");
        assertThat(log.lines("INFO")).contains("deploy development: applied to 1 target(s)",
                "target local (file, document): APPLIED");
        assertThat(log.lines("ERROR")).isEmpty();
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "deploy")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "dryRun", value = "true")
    void aDryRunLogsThePlanAndWritesNothingButTheReports(DeployMojo mojo) throws Exception {
        mojo.execute();

        assertThat(workspace.resolve("build")).doesNotExist();
        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l).contains("dry run, nothing written"));
        assertThat(reports().resolve("deploy.json")).content().contains("\"status\" : \"dry-run\"");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "deploy")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    void aDeployRefusedByValidationFailsTheBuildAndWritesNothing(DeployMojo mojo) throws Exception {
        write("environments/development.yaml", "logging:\n  level: DEBUG\ncache:\n  password: plain-Text-Pass1\n");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("config-cicd deploy: deploy of development refused");
        assertThat(workspace.resolve("build")).doesNotExist();
        assertThat(log.lines("ERROR")).anySatisfy(l -> assertThat(l).contains("refused by validation"));
        assertThat(reports().resolve("deploy.json")).content().contains("\"status\" : \"refused\"");
        assertThat(String.join("\n", log.lines())).doesNotContain("plain-Text-Pass1");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "deploy")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development,production")
    void deployTakesExactlyOneEnvironment(DeployMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("config:deploy takes exactly one environment");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "deploy")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "production")
    void anEnvironmentWithoutTargetsIsAFailedBuild(DeployMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("environment production has no deploy targets");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "drift")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    void driftAfterAHandEditFailsTheBuild(DriftMojo mojo) throws Exception {
        try (Workspace ws = Workspace.open(workspace.resolve("configuration"), Map.of())) {
            assertThat(new DeployService().deploy(ws, DeployRequest.of("development")).exitCode()).isZero();
        }
        Files.writeString(deployed(), Files.readString(deployed()).replace("DEBUG", "TRACE"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("config-cicd drift: a target of development drifted from its last deploy");
        assertThat(log.lines("ERROR")).anySatisfy(l -> assertThat(l).startsWith("target local: drifted"));
        assertThat(reports().resolve("drift.md")).content().contains("## drift development");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "test-stores")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    void testStoresPassesForAWritableTarget(TestStoresMojo mojo) throws Exception {
        mojo.execute();

        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l).startsWith("local: OK reachable=ok"));
        assertThat(reports().resolve("test-stores.json")).content().contains("\"passed\" : true");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "test-stores")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    void aTargetThatCannotBeWrittenIsAnExecutionError(TestStoresMojo mojo) throws Exception {
        Files.writeString(workspace.resolve("build"), "a file where the target's directory should be");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("config-cicd test-stores: a target failed its check");
        assertThat(log.lines("ERROR")).anySatisfy(l -> assertThat(l).startsWith("local: FAILED"));
    }
}
