package io.configcicd.store.appconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.deploy.DeployEngine;
import io.configcicd.core.deploy.DeployInput;
import io.configcicd.core.deploy.Deployment;
import io.configcicd.core.event.Event;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.source.DirectorySnapshot;
import io.configcicd.core.store.StoreProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An AppConfig deploy through the deploy engine: the deployment's progress becomes the engine's events. */
class AppConfigEngineProgressIT {

    @TempDir
    Path tmp;

    private TestClock clock;
    private AppConfigDouble appconfig;
    private Path config;
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void configuration() throws Exception {
        clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        appconfig = new AppConfigDouble(clock);
        config = tmp.resolve("configuration");
        Files.createDirectories(config.resolve("global"));
        Files.writeString(config.resolve("global/base.yaml"), "app:\n  workers: 4\n");
        Files.writeString(config.resolve("config-cicd.yaml"), "environments:\n  dev: {targets: [appcfg]}\n"
                + "targets:\n  appcfg:\n    type: aws-appconfig\n    application: " + AppConfigTargets.APPLICATION
                + "\n    environment: " + AppConfigTargets.ENVIRONMENT + "\n    profile: " + AppConfigTargets.PROFILE
                + "\n    region: us-east-1\n    endpoint: \"" + appconfig.endpoint() + "\"\n    create: true\n"
                + "    poll_interval: 10s\n    strategy: AppConfig.Linear50PercentEvery30Seconds\n");
    }

    @AfterEach
    void stop() {
        appconfig.close();
    }

    @Test
    void theEventsOfADeployIncludeTheDeployingPercentagesAndBaking() {
        DirectorySnapshot snapshot = DirectorySnapshot.of(ConfigDirectory.open(config, Codecs.standard(), Runnable::run));
        DeployInput in = new DeployInput(config, tmp, snapshot, "abc123", "", "dev", List.of(), Optional.empty(),
                "tester", false, false, Map.of(), OutputMasker.none());
        DeployEngine engine = new DeployEngine(StoreProviders.of(List.of(new AppConfigStoreProvider(clock::advance))),
                clock, Runnable::run, events::add);

        Deployment d = engine.deploy(in);

        assertThat(d.status()).isEqualTo(Deployment.Status.APPLIED);
        List<String> steps = events.stream().filter(e -> e instanceof Event.TargetStep s && s.target().equals("appcfg"))
                .map(e -> ((Event.TargetStep) e).message()).toList();
        assertThat(steps).containsSubsequence("deployment #1 of version 1: DEPLOYING 50%",
                "deployment #1 of version 1: DEPLOYING 100%", "deployment #1 of version 1: BAKING",
                "deployment #1 of version 1: COMPLETE", "applied and verified");
    }
}
