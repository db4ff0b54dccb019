package io.configcicd.store.appconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AppConfig's own semantics through the store: versions, deployment states, one deployment at a time, restore. */
class AppConfigDeployIT {

    private static final String SECRET = "s3cr3t-db-password";

    private TestClock clock;
    private AppConfigDouble appconfig;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startDouble() throws IOException {
        clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        appconfig = new AppConfigDouble(clock);
    }

    @AfterEach
    void stopDouble() {
        appconfig.close();
    }

    private AppConfigStore store(Map<String, String> extra) {
        return AppConfigTargets.open(AppConfigTargets.spec(appconfig, extra), clock, progress);
    }

    private static StoreState state(String text, String id) {
        StoreContent c = new StoreContent.Document(text, DocumentFormat.JSON.mediaType());
        return StoreState.of(c, DeployedRecord.of(c, "c0ffee" + id, id, Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void aDeployWaitsThroughDeployingAndBakingUntilCompleteAndReportsTheSteps() {
        try (AppConfigStore store = store(Map.of("strategy", "AppConfig.Linear50PercentEvery30Seconds",
                "poll_interval", "10s"))) {
            store.apply(state("{\"a\":1}", "run-1"), store.read());

            assertThat(progress).containsSubsequence("deployment #1 of version 1: VALIDATING",
                    "deployment #1 of version 1: DEPLOYING 50%", "deployment #1 of version 1: DEPLOYING 100%",
                    "deployment #1 of version 1: BAKING", "deployment #1 of version 1: COMPLETE");
            assertThat(store.read().sameAs(state("{\"a\":1}", "run-1"))).isTrue();
        }
    }

    @Test
    void contentAboveTheHostedLimitIsRefusedAtPlanTimeWithoutARequest() {
        try (AppConfigStore store = store(Map.of())) {
            StoreState live = store.read();
            int before = appconfig.requests().size();
            String big = "{\"blob\":\"" + "x".repeat((int) AppConfigStoreProvider.HOSTED_LIMIT_BYTES) + "\"}";

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.planNotes(live, state(big, "run-1")));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_LARGE);
            assertThat(e.problem()).contains("hosted configuration").doesNotContain("xxxx");
            assertThat(store.planNotes(live, state("{\"a\":1}", "run-1"))).isEmpty();
            assertThat(appconfig.requests().size()).isEqualTo(before);
        }
    }

    @Test
    void theVersionCarriesTheCommitAndDeploymentIdInItsLabelAndTheCheckAndSetToken() {
        try (AppConfigStore store = store(Map.of())) {
            store.apply(state("{\"a\":1}", "run-1"), store.read());
            store.apply(state("{\"a\":2}", "run-2"), store.read());

            AppConfigDouble.Profile profile = appconfig.profile(AppConfigTargets.APPLICATION, AppConfigTargets.PROFILE);
            assertThat(profile.versions.keySet()).containsExactly(1, 2);
            assertThat(profile.versions.get(2).label()).isEqualTo("c0ffeerun-2/run-2");
            assertThat(profile.versions.get(2).description()).startsWith("config-cicd {").contains("run-2");
            assertThat(profile.versions.get(2).contentType()).isEqualTo("application/json");
        }
    }

    @Test
    void aVersionCreatedByAnotherWriterAfterTheReadIsAConflictAndNothingIsDeployed() {
        try (AppConfigStore store = store(Map.of())) {
            StoreState planned = store.read();
            appconfig.failNext("hostedconfigurationversions", 409, "ConflictException");

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(state("{\"a\":1}", "run-1"), planned));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
            assertThat(appconfig.requests()).noneMatch(r -> r.startsWith("POST") && r.endsWith("/deployments"));
        }
    }

    @Test
    void aRollbackByAppConfigsAlarmFailsTheTargetAndLeavesThePreviousContent() {
        try (AppConfigStore store = store(Map.of())) {
            StoreState first = state("{\"a\":1}", "run-1");
            store.apply(first, store.read());
            appconfig.failNextDeploymentAfter(Duration.ofMinutes(3));

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(state("{\"a\":2}", "run-2"), store.read()));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
            assertThat(e.problem()).contains("ROLLED_BACK");
            assertThat(progress).contains("deployment #2 of version 2: ROLLING_BACK");
            assertThat(store.read().sameAs(first)).isTrue();
        }
    }

    @Test
    void aDeploymentStillRunningAtTheTimeoutIsStoppedAndTheOldContentStays() {
        StoreState first = state("{\"a\":1}", "run-1");
        try (AppConfigStore fast = store(Map.of())) {
            fast.apply(first, fast.read());
        }
        try (AppConfigStore slow = store(Map.of("strategy", "AppConfig.Linear20PercentEvery6Minutes",
                "timeout", "10m"))) {
            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> slow.apply(state("{\"a\":2}", "run-2"), slow.read()));

            assertThat(e.problem()).contains("still DEPLOYING", "stopped");
            assertThat(appconfig.environment(AppConfigTargets.APPLICATION, AppConfigTargets.ENVIRONMENT).deployments
                    .get(1).state()).isEqualTo("ROLLED_BACK");
            assertThat(slow.read().sameAs(first)).isTrue();
        }
    }

    @Test
    void anotherDeploymentRunningInTheEnvironmentIsAClearConflict() {
        try (AppConfigStore ours = store(Map.of()); AppConfigStore theirs = store(Map.of("profile", "other"))) {
            StoreState planned = ours.read();
            AppConfigDouble.Environment env = appconfig.environment(AppConfigTargets.APPLICATION,
                    AppConfigTargets.ENVIRONMENT);
            AppConfigDouble.Profile other = appconfig.profile(AppConfigTargets.APPLICATION, "other");
            other.versions.put(1, new AppConfigDouble.Version(1, "{}".getBytes(), "application/json", "", ""));
            env.deployments.add(appconfig.new Deployment(1, other.id, 1,
                    AppConfigDouble.STRATEGIES.get("AppConfig.AllAtOnce"), java.util.Optional.empty()));

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> ours.apply(state("{\"a\":1}", "run-1"), planned));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
            assertThat(e.problem()).contains("already running", "not deployed");
        }
    }

    @Test
    void restoringAfterCompleteDeploysThePreviousVersionNumberAgain() {
        try (AppConfigStore store = store(Map.of())) {
            store.apply(state("{\"a\":1}", "run-1"), store.read());
            StoreState before = store.read();
            StoreState next = state("{\"a\":2}", "run-2");
            store.apply(next, before);

            store.apply(before, next);

            AppConfigDouble.Environment env = appconfig.environment(AppConfigTargets.APPLICATION,
                    AppConfigTargets.ENVIRONMENT);
            assertThat(env.deployments).extracting(d -> d.version).containsExactly(1, 2, 1);
            assertThat(appconfig.profile(AppConfigTargets.APPLICATION, AppConfigTargets.PROFILE).versions).hasSize(2);
            assertThat(store.read().sameAs(before)).isTrue();
        }
    }

    @Test
    void restoringWhileTheDeploymentRunsStopsIt() {
        try (AppConfigStore store = store(Map.of("strategy", "AppConfig.Linear20PercentEvery6Minutes",
                "timeout", "2h"))) {
            store.apply(state("{\"a\":1}", "run-1"), store.read());
            StoreState before = store.read();
            AppConfigDouble.Profile profile = appconfig.profile(AppConfigTargets.APPLICATION, AppConfigTargets.PROFILE);
            // a deploy of ours that a kill interrupted while it was DEPLOYING: version 2, deployment #2 running
            StoreState next = state("{\"a\":2}", "run-2");
            profile.versions.put(2, new AppConfigDouble.Version(2, "{\"a\":2}".getBytes(), "application/json",
                    VersionDescription.of(next.record().orElseThrow()), "x"));
            AppConfigDouble.Environment env = appconfig.environment(AppConfigTargets.APPLICATION,
                    AppConfigTargets.ENVIRONMENT);
            env.deployments.add(appconfig.new Deployment(2, profile.id, 2,
                    AppConfigDouble.STRATEGIES.get("AppConfig.Linear20PercentEvery6Minutes"), java.util.Optional.empty()));
            try (AppConfigStore restorer = store(Map.of())) {
                assertThat(restorer.read().sameAs(next)).isTrue();

                restorer.apply(before, next);

                assertThat(env.deployments.get(1).state()).isEqualTo("ROLLED_BACK");
                assertThat(restorer.read().sameAs(before)).isTrue();
            }
        }
    }

    @Test
    void missingApplicationWithoutCreateIsNotFoundNamingIt() {
        try (AppConfigStore store = store(Map.of("create", "false"))) {
            StoreException e = catchThrowableOfType(StoreException.class, store::read);

            assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND);
            assertThat(e.problem()).contains("application kgot");
            assertThat(e.hint()).contains("create: true");
        }
    }

    @Test
    void createTrueCreatesApplicationEnvironmentAndHostedProfile() {
        try (AppConfigStore store = store(Map.of())) {
            store.apply(state("{\"a\":1}", "run-1"), store.read());

            assertThat(appconfig.requests()).contains("POST /applications");
            assertThat(appconfig.application(AppConfigTargets.APPLICATION).environments).hasSize(1);
        }
    }

    @Test
    void aServerErrorIsUnavailableAndNoMessageCarriesTheContent() {
        try (AppConfigStore store = store(Map.of())) {
            StoreState planned = store.read();
            for (int i = 0; i < 4; i++) { // the SDK retries 500s: every attempt fails
                appconfig.failNext("/deployments", 500, "InternalServerException");
            }

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(state("{\"password\":\"" + SECRET + "\"}", "run-1"), planned));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
            assertThat(e.problem() + e.hint()).doesNotContain(SECRET);
            assertThat(e.getCause()).isNotInstanceOf(software.amazon.awssdk.core.exception.SdkException.class);
        }
    }

    @Test
    void deniedCredentialsFailTestStoresAuthenticationNotReachability() {
        try (AppConfigStore store = store(Map.of())) {
            appconfig.denyAll(true);

            var check = store.check();

            assertThat(check.passed()).isFalse();
            assertThat(check.reachable().status()).isEqualTo(io.configcicd.core.store.StoreCheck.Status.OK);
            assertThat(check.authenticated().status()).isEqualTo(io.configcicd.core.store.StoreCheck.Status.FAILED);
        }
    }
}
