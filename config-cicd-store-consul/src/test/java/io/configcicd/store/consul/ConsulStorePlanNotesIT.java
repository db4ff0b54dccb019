package io.configcicd.store.consul;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.ErrorKind;
import io.configcicd.core.deploy.DeployEngine;
import io.configcicd.core.deploy.DeployInput;
import io.configcicd.core.deploy.Deployment;
import io.configcicd.core.deploy.Refusal;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.report.DeployReports;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.source.DirectorySnapshot;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.file.FileStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consul target's plan-time checks and notes through the deploy engine, in a mixed deploy (file + consul). */
class ConsulStorePlanNotesIT {

    private static final String PREFIX = "config/dev/";

    @TempDir
    Path tmp;

    private ConsulDouble consul;
    private Path config;

    @BeforeEach
    void configuration() throws Exception {
        consul = new ConsulDouble();
        config = tmp.resolve("configuration");
        Files.createDirectories(config.resolve("global"));
        StringBuilder base = new StringBuilder("app:\n");
        for (int i = 0; i < 20; i++) {
            base.append("  k").append(i).append(": v").append(i).append('\n');
        }
        Files.writeString(config.resolve("global/base.yaml"), base.toString());
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [local, kv]}\n"
                + "targets:\n  local: {type: file, path: out/local}\n"
                + "  kv: {type: consul, url: \"" + consul.url() + "\", prefix: \"" + PREFIX + "\", max_txn_ops: 8}\n");
    }

    @AfterEach
    void stop() {
        consul.close();
    }

    private Deployment deploy(boolean dryRun) {
        DirectorySnapshot snapshot = DirectorySnapshot.of(ConfigDirectory.open(config, Codecs.standard(), Runnable::run));
        DeployInput in = new DeployInput(config, tmp, snapshot, "abc123", "", "dev", List.of(), Optional.empty(),
                "tester", dryRun, true, Map.of(), OutputMasker.none());
        return new DeployEngine(StoreProviders.of(List.of(new FileStoreProvider(), new ConsulStoreProvider())),
                Clock.systemUTC(), Runnable::run, EventSink.NONE).deploy(in);
    }

    @Test
    void aDryRunOfAPlanAboveOneTransactionShowsThatReadersMaySeeAMixAndWritesNothing() {
        Deployment d = deploy(true);

        assertThat(d.status()).isEqualTo(Deployment.Status.DRY_RUN);
        assertThat(d.targets().get(1).plan().notes()).singleElement().asString()
                .startsWith("applied in 3 transactions: readers may see a mix for a moment")
                .contains("layout: document");
        assertThat(DeployReports.text(d)).contains("  note: applied in 3 transactions");
        assertThat(consul.writeRequests()).isZero();
        assertThat(consul.under(PREFIX)).isEmpty();
    }

    @Test
    void aKeyNameConsulRejectsIsRefusedAtPlanTimeAndNoTargetOfTheDeployIsWritten() throws Exception {
        Files.writeString(config.resolve("global/bad.yaml"), "app:\n  \"..\": up\n");

        Deployment d = deploy(false);

        assertThat(d.status()).isEqualTo(Deployment.Status.REFUSED);
        assertThat(d.failure()).contains(ErrorKind.BAD_INPUT);
        assertThat(d.refusals()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Refusal.STORE);
            assertThat(r.target()).isEqualTo("kv");
            assertThat(r.message()).contains("app.\"..\"").contains("cannot be a Consul key");
        });
        assertThat(d.journal()).isEmpty();
        assertThat(tmp.resolve("out/local/dev.json")).doesNotExist();
        assertThat(consul.writeRequests()).isZero();
        assertThat(consul.under(PREFIX)).isEmpty();
    }

    @Test
    void aPlanOfOneTransactionHasNoNoteAndIsApplied() throws Exception {
        Files.writeString(config.resolve("global/base.yaml"), "app:\n  k0: v0\n");

        Deployment d = deploy(false);

        assertThat(d.status()).isEqualTo(Deployment.Status.APPLIED);
        assertThat(d.targets().get(1).plan().notes()).isEmpty();
        assertThat(consul.under(PREFIX)).containsEntry(PREFIX + "app/k0", "v0");
    }
}
