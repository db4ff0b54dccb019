package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.TargetSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** {@code test-stores} for one target: open it and run its own check; a store that does not open fails reachability. */
final class StoreChecks {

    private StoreChecks() {
    }

    static StoreCheck check(TargetSpec spec, Map<String, String> env, StoreProviders providers, StoreContext context,
                            Clock clock) {
        long start = clock.millis();
        try (ConfigStore store = providers.open(DesiredContent.withResolvedOptions(spec, env), context)) {
            return store.check();
        } catch (ConfigCicdException e) {
            String skipped = "the store could not be opened";
            return new StoreCheck(spec.name(), StoreCheck.Step.failed(e.problem()), StoreCheck.Step.skipped(skipped),
                    StoreCheck.Step.skipped(skipped), StoreCheck.Step.skipped(skipped),
                    Duration.ofMillis(Math.max(0, clock.millis() - start)));
        }
    }
}
