package io.configcicd.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.event.Cancellation;
import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.source.DirectorySnapshot;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.file.FileStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor loop on a real file target with a command probe ({@code test -f healthy} in the repository's root, which
 * a test creates or removes): healthy runs, rollback after failed rounds in a row, drift, a superseding deployment,
 * cancellation, a deployment the journal does not know, grace.
 */
class MonitorTest {

    @TempDir
    Path tmp;

    private Path config;
    private final List<Event.Round> rounds = new CopyOnWriteArrayList<>();
    private EventSink sink = e -> {
        if (e instanceof Event.Round r) {
            rounds.add(r);
        }
    };

    @BeforeEach
    void configuration() throws Exception {
        config = tmp.resolve("configuration");
        Files.createDirectories(config.resolve("global"));
        Files.createDirectories(config.resolve("environments"));
        Files.writeString(config.resolve("global/base.yaml"), "app:\n  name: demo\n  workers: 4\n");
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: 8\n");
        settings("failures: 2, grace: 0s");
    }

    private void settings(String monitor) throws Exception {
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [local]}\n"
                + "targets:\n  local: {type: file, path: out}\n"
                + "monitor: {interval: 50ms, " + monitor + ", probes: [{name: smoke, command: \"test -f healthy\"}]}\n");
    }

    private DeployEngine engine() {
        return new DeployEngine(StoreProviders.of(List.of(new FileStoreProvider())), Clock.systemUTC(), Runnable::run,
                sink);
    }

    private DeployInput input(Optional<String> id) {
        DirectorySnapshot snapshot = DirectorySnapshot.of(ConfigDirectory.open(config, Codecs.standard(), Runnable::run));
        return new DeployInput(config, tmp, snapshot, "abc123", "", "dev", List.of(), id, "tester", false, false,
                Map.of("PATH", System.getenv("PATH")), OutputMasker.none());
    }

    private Deployment deploy(String id, int workers) throws Exception {
        Files.writeString(config.resolve("environments/dev.yaml"), "app:\n  workers: " + workers + "\n");
        Deployment d = engine().deploy(input(Optional.of(id)));
        assertThat(d.status()).isEqualTo(Deployment.Status.APPLIED);
        return d;
    }

    private MonitorResult monitor(String id, Duration duration, Cancellation cancel) {
        return new Monitor(engine()).monitor(input(Optional.empty()), new Monitor.Plan(id, duration, Optional.empty(),
                cancel));
    }

    private String deployed() throws Exception {
        return Files.readString(tmp.resolve("out/dev.json"));
    }

    private String journal(String id) throws Exception {
        return Files.readString(config.resolve(".config-cicd/deployments/" + id + ".json"));
    }

    private void healthy(boolean yes) throws Exception {
        if (yes) {
            Files.writeString(tmp.resolve("healthy"), "");
        } else {
            Files.deleteIfExists(tmp.resolve("healthy"));
        }
    }

    @Test
    void aHealthyDeploymentIsWatchedForTheWholeDurationAndTheJournalSaysHealthy() throws Exception {
        deploy("d1", 8);
        healthy(true);

        MonitorResult r = monitor("d1", Duration.ofMillis(400), Cancellation.none());

        assertThat(r.status()).isEqualTo(MonitorResult.Status.HEALTHY);
        assertThat(r.failure()).isEmpty();
        assertThat(r.rounds()).isBetween(3, 9);
        assertThat(r.probes()).singleElement().satisfies(p -> {
            assertThat(p.runs()).isEqualTo(r.rounds());
            assertThat(p.failures()).isZero();
            assertThat(p.lastAnswers()).last().asString().startsWith("exit 0");
        });
        assertThat(r.targets()).singleElement().satisfies(t -> assertThat(t.held()).isTrue());
        assertThat(rounds).hasSize(r.rounds()).allSatisfy(e -> assertThat(e.healthy()).isTrue());
        assertThat(rounds.get(0).summary()).startsWith("round 1: healthy").contains("targets hold d1");
        assertThat(journal("d1")).contains("\"monitor\"").contains("\"status\" : \"healthy\"");
    }

    @Test
    void failedRoundsInARowRollTheDeploymentBackToWhatTheTargetHeldBefore() throws Exception {
        deploy("d1", 8);
        String before = deployed();
        deploy("d2", 16);
        healthy(false);

        MonitorResult r = monitor("d2", Duration.ofSeconds(20), Cancellation.none());

        assertThat(r.status()).isEqualTo(MonitorResult.Status.ROLLED_BACK);
        assertThat(r.failure()).contains(ErrorKind.FINDINGS);
        assertThat(r.rounds()).isEqualTo(2);
        assertThat(r.reason()).contains("probe smoke").contains("2 round(s) in a row").contains("rolled back as deployment d2-rollback");
        assertThat(r.probes().get(0).lastAnswers()).last().asString().startsWith("exit 1");
        assertThat(deployed()).isEqualTo(before);
        assertThat(r.targets()).singleElement().satisfies(t -> {
            assertThat(t.state()).startsWith("rollback d2-rollback: applied");
            assertThat(t.held()).isFalse();
        });
        Deployment back = r.rollback().orElseThrow();
        assertThat(back.rollbackOf()).contains("d2");
        assertThat(journal("d2-rollback")).contains("\"rollback_of\" : \"d2\"");
        assertThat(journal("d2")).contains("failed, rolled back").contains("d2-rollback (applied)");
        assertThat(rounds).extracting(Event.Round::healthy).containsExactly(false, false);
        assertThat(rounds.get(1).summary()).contains("FAILED (2 of 2 in a row: probe smoke)");
    }

    @Test
    void oneFailedRoundBetweenHealthyOnesDoesNotRollBack() throws Exception {
        deploy("d1", 8);
        healthy(false);
        sink = e -> {
            if (e instanceof Event.Round r) {
                rounds.add(r);
                try {
                    healthy(true);
                } catch (Exception x) {
                    throw new IllegalStateException(x);
                }
            }
        };

        MonitorResult r = monitor("d1", Duration.ofMillis(300), Cancellation.none());

        assertThat(r.status()).isEqualTo(MonitorResult.Status.HEALTHY);
        assertThat(r.failedRounds()).isEqualTo(1);
        assertThat(r.rollback()).isEmpty();
    }

    @Test
    void aTargetEditedByHandIsDriftAndItsRollbackIsRefusedNotForced() throws Exception {
        deploy("d1", 8);
        deploy("d2", 16);
        healthy(true);
        String edited = deployed().replace("16", "32");
        Files.writeString(tmp.resolve("out/dev.json"), edited);

        MonitorResult r = monitor("d2", Duration.ofSeconds(20), Cancellation.none());

        assertThat(r.status()).isEqualTo(MonitorResult.Status.ROLLBACK_REFUSED);
        assertThat(r.failure()).contains(ErrorKind.FINDINGS);
        assertThat(r.reason()).contains("target local drifted").contains("refused").contains("not forced");
        assertThat(r.targets().get(0).state()).contains("changed outside config-cicd");
        assertThat(deployed()).isEqualTo(edited);
    }

    @Test
    void aLaterDeploymentSupersedesTheOneWatchedAndEndsTheRunWithoutFailure() throws Exception {
        deploy("d1", 8);
        Thread.sleep(5);
        deploy("d2", 16);
        healthy(false);

        MonitorResult r = monitor("d1", Duration.ofSeconds(20), Cancellation.none());

        assertThat(r.status()).isEqualTo(MonitorResult.Status.SUPERSEDED);
        assertThat(r.failure()).isEmpty();
        assertThat(r.reason()).contains("superseded by deployment d2");
        assertThat(r.rollback()).isEmpty();
        assertThat(deployed()).contains("16");
    }

    @Test
    void aCancellationStopsTheRunAtOnceWithoutRollbackAndTheJournalSaysInterrupted() throws Exception {
        deploy("d1", 8);
        deploy("d2", 16);
        String now = deployed();
        healthy(false);
        Cancellation cancel = new Cancellation();
        sink = e -> {
            if (e instanceof Event.Round r) {
                rounds.add(r);
                cancel.cancel("SIGTERM");
            }
        };

        long t0 = System.nanoTime();
        MonitorResult r = monitor("d2", Duration.ofSeconds(30), cancel);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(MonitorResult.Status.INTERRUPTED);
        assertThat(r.failure()).contains(ErrorKind.EXTERNAL);
        assertThat(r.reason()).contains("SIGTERM").contains("nothing rolled back");
        assertThat(deployed()).isEqualTo(now);
        assertThat(journal("d2")).contains("monitoring interrupted");
    }

    @Test
    void aDeploymentTheJournalDoesNotKnowIsWatchedButCannotBeRolledBack() throws Exception {
        deploy("d1", 8);
        healthy(false);

        MonitorResult r = monitor("ci-4711", Duration.ofSeconds(20), Cancellation.none());

        assertThat(r.status()).isEqualTo(MonitorResult.Status.FAILED);
        assertThat(r.reason()).contains("nothing to roll back");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("no entry for deployment ci-4711"));
        assertThat(r.targets()).singleElement().satisfies(t -> assertThat(t.state()).contains("holds deployment d1"));
    }

    @Test
    void graceDelaysTheFirstRoundFromTheEndOfTheDeploy() throws Exception {
        settings("failures: 2, grace: 400ms");
        deploy("d1", 8);
        healthy(true);

        long t0 = System.nanoTime();
        MonitorResult r = monitor("d1", Duration.ofMillis(600), Cancellation.none());

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(r.status()).isEqualTo(MonitorResult.Status.HEALTHY);
        assertThat(r.rounds()).isLessThanOrEqualTo(5);
    }

    @Test
    void aDeploymentOfAnotherEnvironmentIsBadInputNamingIt() throws Exception {
        deploy("d1", 8);
        DeployInput other = new DeployInput(config, tmp, input(Optional.empty()).snapshot(), "abc", "", "prod",
                List.of(), Optional.empty(), "tester", false, false, Map.of(), OutputMasker.none());

        assertThatThrownBy(() -> new Monitor(engine()).monitor(other, new Monitor.Plan("d1", Duration.ofSeconds(1),
                Optional.empty(), Cancellation.none())))
                .isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("deployment d1 deployed dev, not prod");
    }

    @Test
    void aCommandProbeIsToldTheEnvironmentAndTheDeploymentItChecks() throws Exception {
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [local]}\n"
                + "targets:\n  local: {type: file, path: out}\n"
                + "monitor: {interval: 50ms, probes: [{name: own, command: "
                + "'test -s \"out/$CONFIG_CICD_ENVIRONMENT.json\" && test \"$CONFIG_CICD_DEPLOYMENT_ID\" = d1'}]}\n");
        deploy("d1", 8);

        MonitorResult r = monitor("d1", Duration.ofMillis(200), Cancellation.none());

        assertThat(r.status()).isEqualTo(MonitorResult.Status.HEALTHY);
        assertThat(r.probes().get(0).failures()).isZero();
    }

    @Test
    void aRollbackThatMeetsAChangeMadeAfterTheLastRoundIsRefusedAndReportedNotForced() throws Exception {
        deploy("d1", 8);
        deploy("d2", 16);
        healthy(false);
        sink = e -> {
            if (e instanceof Event.Round r && r.number() == 2) {   // after the round's reads, before the rollback
                try {
                    Files.writeString(tmp.resolve("out/dev.json"), deployed().replace("16", "64"));
                } catch (Exception x) {
                    throw new IllegalStateException(x);
                }
            }
        };

        MonitorResult r = monitor("d2", Duration.ofSeconds(20), Cancellation.none());

        assertThat(r.status()).isEqualTo(MonitorResult.Status.ROLLBACK_REFUSED);
        assertThat(r.reason()).contains("probe smoke failed 2 round(s) in a row").contains("rollback was refused")
                .contains("not forced");
        assertThat(r.rollback().orElseThrow().status()).isEqualTo(Deployment.Status.REFUSED);
        assertThat(deployed()).contains("64");
        assertThat(journal("d2")).contains("failed, rollback refused");
    }

    @Test
    void aProbeUrlThatResolvesToNoUrlIsBadInputBeforeAnyRound() throws Exception {
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [local]}\n"
                + "targets:\n  local: {type: file, path: out}\n"
                + "monitor: {probes: [{name: api, http: \"${HEALTH_URL}\"}]}\n");
        deploy("d1", 8);
        DeployInput in = new DeployInput(config, tmp, input(Optional.empty()).snapshot(), "abc", "", "dev", List.of(),
                Optional.empty(), "tester", false, false, Map.of("HEALTH_URL", "svc.internal/health"),
                OutputMasker.none());

        assertThatThrownBy(() -> new Monitor(engine()).monitor(in, new Monitor.Plan("d1", Duration.ofSeconds(5),
                Optional.empty(), Cancellation.none())))
                .isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("probe api: its http URL, ${HEALTH_URL} once resolved, is not an http://");
        assertThat(rounds).isEmpty();
    }

    @Test
    void aDeploymentThatDidNotFinishOrFailedIsBadInputNotSomethingToWatch() throws Exception {
        deploy("d1", 8);
        Path entry = config.resolve(".config-cicd/deployments/d1.json");
        String applied = Files.readString(entry);
        Files.writeString(entry, applied.replaceFirst("\"status\" : \"applied\"", "\"status\" : \"started\""));

        assertThatThrownBy(() -> monitor("d1", Duration.ofSeconds(1), Cancellation.none()))
                .isInstanceOf(ConfigCicdException.class).hasMessageContaining("deployment d1 has not finished");

        Files.writeString(entry, applied.replaceFirst("\"status\" : \"applied\"", "\"status\" : \"failed\""));
        assertThatThrownBy(() -> monitor("d1", Duration.ofSeconds(1), Cancellation.none()))
                .isInstanceOf(ConfigCicdException.class).hasMessageContaining("deployment d1 ended failed");
        assertThat(rounds).isEmpty();
    }
}
