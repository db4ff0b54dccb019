package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.deploy.MonitorResult;
import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.security.access.AccessDeniedException;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.file.FileStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The monitor service: access (rollback permission, since it may roll back), audit lines for the run, its rollback
 * and each target put back, and a probe header's secret, resolved from the environment, never in an event, the
 * result, the journal or the audit log, while the mask sink hears it before any round.
 */
class MonitorServiceTest {

    private static final String TOKEN = "probe-Token-5531xq";

    @TempDir
    Path tmp;

    private Path dir;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> order = new CopyOnWriteArrayList<>();

    @BeforeEach
    void directory() throws Exception {
        dir = tmp.resolve("configuration");
        Files.createDirectories(dir.resolve("global"));
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("global/base.yaml"), "app: {workers: 4, name: demo, region: eu}\n");
        Files.writeString(dir.resolve("environments/dev.yaml"), "app: {workers: 8}\n");
        Files.writeString(dir.resolve("config-cicd.yaml"), """
                environments:
                  dev: {targets: [local]}
                targets:
                  local: {type: file, path: out}
                monitor:
                  interval: 50ms
                  failures: 2
                  probes:
                    - {name: smoke, command: 'echo "token is $PROBE_TOKEN"; test -f healthy'}
                    - {name: api, http: "http://127.0.0.1:1/health", timeout: 200ms,
                       headers: {Authorization: "Bearer ${PROBE_TOKEN}"}}
                access:
                  roles:
                    deployer: {permissions: [read, deploy], environments: ["*"]}
                    operator: {permissions: [read, deploy, rollback], environments: ["*"]}
                  bindings:
                    dora: [deployer]
                    otto: [operator]
                """);
    }

    private Workspace as(String user) {
        EventSink sink = e -> {
            events.add(e);
            order.add("event");
        };
        return Workspace.open(dir, Map.of("CONFIG_CICD_USER", user, "PROBE_TOKEN", TOKEN,
                "PATH", System.getenv("PATH")), java.time.Clock.systemUTC(), sink);
    }

    private void deploy(String id, int workers) throws Exception {
        Files.writeString(dir.resolve("environments/dev.yaml"), "app: {workers: " + workers + "}\n");
        try (Workspace ws = as("otto")) {
            DeployOutcome d = new DeployService(Runnable::run, StoreProviders.of(List.of(new FileStoreProvider())))
                    .deploy(ws, DeployRequest.of("dev").withDeploymentId(java.util.Optional.of(id)));
            assertThat(d.exitCode()).isZero();
        }
    }

    private MonitorOutcome monitor(String user, String id) {
        List<String> learned = new ArrayList<>();
        order.clear();
        events.clear();
        try (Workspace ws = as(user)) {
            MonitorOutcome o = new MonitorService(Runnable::run, StoreProviders.of(List.of(new FileStoreProvider())),
                    values -> {
                        learned.addAll(values);
                        order.add("mask");
                    }).monitor(ws, MonitorRequest.of("dev", id, Duration.ofSeconds(20)));
            assertThat(learned).contains(TOKEN);
            return o;
        }
    }

    @Test
    void monitoringNeedsTheRollbackPermissionAndTheDenialIsAudited() throws Exception {
        deploy("d1", 8);

        assertThatThrownBy(() -> monitor("dora", "d1")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("rollback");
        assertThat(ServiceFixtures.auditLines(dir)).anySatisfy(l -> {
            assertThat(ServiceFixtures.text(l, "command")).isEqualTo("monitor");
            assertThat(ServiceFixtures.text(l, "principal")).isEqualTo("dora");
        });
    }

    @Test
    void aFailedMonitorRollsBackAndTheRunTheRollbackAndTheRestoreAreAuditedWithoutTheHeaderSecret() throws Exception {
        deploy("d1", 8);
        deploy("d2", 16);

        MonitorOutcome o = monitor("otto", "d2");

        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.result().status()).isEqualTo(MonitorResult.Status.ROLLED_BACK);
        assertThat(Files.readString(tmp.resolve("out/dev.json"))).contains("8").doesNotContain("16");
        List<String> audit = ServiceFixtures.auditLines(dir).stream()
                .map(l -> ServiceFixtures.text(l, "command") + " | " + ServiceFixtures.text(l, "result")).toList();
        assertThat(audit).anySatisfy(l -> assertThat(l).startsWith("monitor | failed").contains("rolled back"))
                .anySatisfy(l -> assertThat(l).startsWith("monitor rollback | ok").contains("d2-rollback"));
        assertThat(order.indexOf("mask")).isLessThan(order.indexOf("event"));
        String everything = events + "\n" + o.result() + "\n" + ServiceFixtures.auditText(dir) + "\n"
                + Files.readString(dir.resolve(".config-cicd/deployments/d2.json"))
                + Files.readString(dir.resolve(".config-cicd/deployments/d2-rollback.json"));
        assertThat(everything).doesNotContain(TOKEN).contains("token is");
        assertThat(o.masker().mask("x " + TOKEN)).doesNotContain(TOKEN);
        JsonNode last = ServiceFixtures.auditLines(dir).get(ServiceFixtures.auditLines(dir).size() - 1);
        assertThat(ServiceFixtures.text(last, "principal")).isEqualTo("otto");
    }
}
