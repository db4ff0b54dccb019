package io.configcicd.store.appconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name matches neither *Test nor *IT): {@code bench/appconfig-requests.sh} runs it and
 * it prints how many AppConfig requests a deploy, a no-change re-deploy and a restore make against the double.
 */
class AppConfigRequestBench {

    @Test
    void countRequests() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (AppConfigDouble appconfig = new AppConfigDouble(clock);
             AppConfigStore store = AppConfigTargets.open(appconfig, clock, Map.of("poll_interval", "5s"))) {
            StoreContent c = new StoreContent.Document("{\"a\":1}", DocumentFormat.JSON.mediaType());
            StoreState first = StoreState.of(c, DeployedRecord.of(c, "c1", "run-1", clock.instant()));
            int before = appconfig.requests().size();
            StoreState empty = store.read();
            store.apply(first, empty);
            List<String> deploy = appconfig.requests().subList(before, appconfig.requests().size());
            int polls = (int) deploy.stream().filter(r -> r.matches("GET .*/deployments/\\d+")).count();
            System.out.println("appconfig deploy (create: true, AllAtOnce, 5s polls over the 10 min bake): "
                    + deploy.size() + " requests, of which " + polls + " GetDeployment polls");
            int mark = appconfig.requests().size();
            try (AppConfigStore again = AppConfigTargets.open(appconfig, clock, Map.of())) {
                assertThat(again.read().sameAs(first)).isTrue();
            }
            System.out.println("appconfig no-change re-deploy (a new store's plan read; the engine writes nothing): "
                    + (appconfig.requests().size() - mark) + " requests, "
                    + appconfig.requests().subList(mark, appconfig.requests().size()).stream()
                    .filter(r -> !r.startsWith("GET")).count() + " writes");
            assertThat(polls).isPositive();
        }
    }
}
