package io.configcicd.store.appconfig;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.ConfigStoreContract;
import io.configcicd.core.store.Layout;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract against the AppConfig double. AppConfig holds documents only: the contract's keys-layout
 * cases are skipped (aborted by an assumption), not passed; the refusal of {@code layout: keys} is tested in
 * {@link AppConfigSettingsTest}.
 */
class AppConfigStoreIT extends ConfigStoreContract {

    private TestClock clock;
    private AppConfigDouble appconfig;

    @BeforeEach
    void startDouble() throws IOException {
        clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        appconfig = new AppConfigDouble(clock);
    }

    @AfterEach
    void stopDouble() {
        appconfig.close();
    }

    @Override
    protected ConfigStore open(Layout layout) {
        assumeTrue(layout == Layout.DOCUMENT, "an aws-appconfig target holds one document (layout: keys is refused)");
        return AppConfigTargets.open(appconfig, clock, Map.of());
    }
}
