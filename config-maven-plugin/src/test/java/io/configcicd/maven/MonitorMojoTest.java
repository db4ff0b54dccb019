package io.configcicd.maven;

import io.configcicd.core.api.ShutdownCancellation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.lenient;

import io.configcicd.core.api.DeployRequest;
import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.Workspace;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config:monitor} through the plugin testing harness: a configuration directory in a temporary workspace whose
 * {@code development} environment deploys to a file target; each test deploys it as {@code m1} first (the service
 * itself, as {@code config:deploy} would) and then monitors that deployment.
 */
@MojoTest
class MonitorMojoTest {

    private static final String CONFIG_DIR = "${test.workspace}/configuration";

    /** A test whose Mojo is configured from {@code config.*} user properties alone, as {@code -D} sets them. */
    private static final String USER_PROPERTIES = "user-properties";

    private static final String SETTINGS = """
            environments:
              development: {targets: [local]}
            targets:
              local: {type: file, path: build/deployed}
            """;

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
    void configurationWithAFileTarget(TestInfo test) throws Exception {
        if (test.getTags().contains(USER_PROPERTIES)) {   // -D on the command line: before the Mojo is configured
            session.getUserProperties().setProperty("config.dir", workspace.resolve("configuration").toString());
            session.getUserProperties().setProperty("config.environment", "development");
            session.getUserProperties().setProperty("config.deploymentId", "m1");
            session.getUserProperties().setProperty("config.duration", "1");
            session.getUserProperties().setProperty("config.interval", "250ms");
        }
        Build build = new Build();
        build.setDirectory(buildDirectory.toString());
        lenient().when(project.getBuild()).thenReturn(build);
        session.getUserProperties().setProperty("test.workspace", workspace.toString());
        write("config-cicd.yaml", SETTINGS);
        write("global/base.yaml", "service:\n  name: orders\n  port: 8080\nlogging:\n  level: INFO\n");
        write("environments/development.yaml", "logging:\n  level: DEBUG\n");
    }

    private void write(String file, String text) throws Exception {
        Path p = workspace.resolve("configuration").resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void deploy(String id) {
        try (Workspace ws = Workspace.open(workspace.resolve("configuration"), Map.of())) {
            assertThat(new DeployService().deploy(ws, DeployRequest.of("development")
                    .withDeploymentId(java.util.Optional.of(id))).exitCode()).isZero();
        }
    }

    private Path deployed() {
        return workspace.resolve("build/deployed/development.json");
    }

    private Path report(String name) {
        return buildDirectory.resolve("config-cicd").resolve(name);
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "monitor")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "deploymentId", value = "m1")
    @MojoParameter(name = "duration", value = "450ms")
    @MojoParameter(name = "interval", value = "100ms")
    void aHealthyRunLogsOneLinePerRoundAndWritesTheReports(MonitorMojo mojo) throws Exception {
        deploy("m1");

        mojo.execute();

        assertThat(log.lines("INFO")).filteredOn(l -> l.startsWith("round ")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(l -> assertThat(l).matches("round \\d+: healthy; targets hold m1"));
        assertThat(log.lines("INFO")).anySatisfy(l -> assertThat(l).startsWith("monitor development: healthy ("));
        assertThat(log.lines("WARN")).isEmpty();
        assertThat(log.lines("ERROR")).isEmpty();
        assertThat(report("monitor.json")).content().contains("\"status\" : \"healthy\"")
                .contains("\"deployment_id\" : \"m1\"").contains("\"interval_ms\" : 100")
                .contains("\"state\" : ");
        assertThat(report("monitor.md")).content().startsWith("## monitor development: healthy");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "monitor")
    @Tag(USER_PROPERTIES)
    void theParametersAreBoundToTheirConfigUserProperties(MonitorMojo mojo) throws Exception {
        deploy("m1");

        mojo.execute();

        assertThat(report("monitor.json")).content().contains("\"deployment_id\" : \"m1\"")
                .contains("\"environment\" : \"development\"").contains("\"interval_ms\" : 250");
        assertThat(log.lines("INFO")).filteredOn(l -> l.startsWith("round ")).hasSizeBetween(3, 5);
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "monitor")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "deploymentId", value = "m1")
    @MojoParameter(name = "duration", value = "10s")
    @MojoParameter(name = "interval", value = "100ms")
    void aTargetEditedByHandFailsItsRoundsAndTheBuildWithoutAForcedRollback(MonitorMojo mojo) throws Exception {
        write("config-cicd.yaml", SETTINGS + "monitor: {failures: 2}\n");
        deploy("m1");
        Files.writeString(deployed(), Files.readString(deployed()).replace("DEBUG", "TRACE"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("config-cicd monitor: deployment m1 of development: failed");
        assertThat(log.lines("WARN")).filteredOn(l -> l.startsWith("round ")).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("FAILED").contains("target local drifted"));
        assertThat(report("monitor.json")).content().contains("\"status\" : \"failed, rollback refused\"")
                .contains("\"healthy\" : false").contains("\"failed_rounds\" : 2");
        assertThat(deployed()).as("a rollback is never forced over a hand edit").content().contains("TRACE");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "monitor")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "deploymentId", value = "m1")
    @MojoParameter(name = "duration", value = "ten minutes")
    void aBadDurationIsAFailedBuildNamingTheParameter(MonitorMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("invalid <duration> (config.duration)").hasMessageContaining("'ten minutes'");
        assertThat(report("monitor.json")).doesNotExist();
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "monitor")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "duration", value = "5m")
    void aMissingDeploymentIdIsAFailedBuildNamingTheParameter(MonitorMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<deploymentId> (config.deploymentId)");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "monitor")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "deploymentId", value = "m1")
    void aMissingDurationIsAFailedBuildNamingTheParameter(MonitorMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<duration> (config.duration)");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "monitor")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "deploymentId", value = "m1")
    @MojoParameter(name = "duration", value = "1h")
    @MojoParameter(name = "interval", value = "100ms")
    void aShutdownInterruptsTheRunWritesTheReportAndIsAnExecutionError(MonitorMojo mojo) throws Exception {
        deploy("m1");
        FakeHooks hooks = new FakeHooks();
        mojo.shutdownHooks = hooks;

        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                mojo.execute();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        assertThat(hooks.added.await(10, TimeUnit.SECONDS)).isTrue();
        hooks.hook.start();   // what the JVM does on SIGTERM
        hooks.hook.join(10_000);

        assertThat(hooks.hook.isAlive()).as("the hook waits for the report, then lets the shutdown go on").isFalse();
        assertThatThrownBy(run::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("monitoring interrupted").hasMessageContaining("stopped by SIGTERM");
        assertThat(hooks.removed).as("the goal removes its hook").isEqualTo(hooks.hook);
        assertThat(report("monitor.json")).content().contains("\"status\" : \"monitoring interrupted\"");
        assertThat(Files.readString(deployed())).as("no rollback").contains("DEBUG");
    }

    @Test
    @Basedir("/unit/no-configuration")
    @InjectMojo(goal = "monitor")
    @MojoParameter(name = "configDir", value = CONFIG_DIR)
    @MojoParameter(name = "environment", value = "development")
    @MojoParameter(name = "deploymentId", value = "m1")
    @MojoParameter(name = "duration", value = "10s")
    @MojoParameter(name = "interval", value = "100ms")
    void aProbeHeaderSecretNeverReachesTheLogTheFailureOrTheReports(MonitorMojo mojo) throws Exception {
        String token = System.getenv("HEALTH_TOKEN");
        assertThat(token).as("set by the plugin's surefire configuration").isNotBlank();
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {   // unhealthy, and echoes the header it got into the answer
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            received.add(auth);
            byte[] body = ("{\"status\": \"DOWN\", \"seen\": \"" + auth + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            write("config-cicd.yaml", SETTINGS + "monitor:\n  failures: 2\n  probes:\n"
                    + "    - {name: health, http: \"http://127.0.0.1:" + server.getAddress().getPort() + "/health\","
                    + " headers: {Authorization: \"Bearer ${HEALTH_TOKEN}\"}}\n");
            deploy("m1");

            assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("probe health").satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        } finally {
            server.stop(0);
        }

        assertThat(received).as("the probe sent the resolved token").contains("Bearer " + token);
        String reports = Files.readString(report("monitor.json")) + Files.readString(report("monitor.md"));
        assertThat(log.lines("WARN")).filteredOn(l -> l.startsWith("round ")).hasSize(2);
        assertThat(String.join("\n", log.lines()) + reports).doesNotContain(token).contains("******");
        assertThat(reports).contains("\"status\" : \"failed, rolled back\"");
    }

    /** Hooks that keep the hook for the test to run, as the JVM would on shutdown. */
    private static final class FakeHooks implements ShutdownCancellation.Hooks {
        final CountDownLatch added = new CountDownLatch(1);
        volatile Thread hook;
        volatile Thread removed;

        @Override
        public void add(Thread h) {
            hook = h;
            added.countDown();
        }

        @Override
        public void remove(Thread h) {
            removed = h;
        }
    }
}
