package io.configcicd.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizeLimitedStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path root;

    private ConfigStore open(String maxBytes) {
        StoreProviders providers = StoreProviders.installed();
        TargetSpec spec = TargetSpecs.parse("local", Map.of("type", "file", "layout", "keys", "max_bytes", maxBytes),
                "production", providers);
        return providers.open(spec, new StoreContext(Clock.fixed(NOW, ZoneOffset.UTC), root));
    }

    private static StoreState state(String value) {
        StoreContent content = StoreContent.Keys.of(Map.of("blob", value));
        return StoreState.of(content, DeployedRecord.of(content, "abc", "run-1", NOW));
    }

    @Test
    void contentAboveMaxBytesIsTooLargeAndNothingIsWritten() {
        try (ConfigStore store = open("64")) {
            StoreState big = state("x".repeat(100));

            StoreException e = catchThrowableOfType(StoreException.class, () -> store.apply(big, store.read()));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_LARGE);
            assertThat(e.problem()).contains("target local", "111 bytes", "limit of 64 bytes", "nothing was written")
                    .doesNotContain("xxxx");
            assertThat(e.hint()).contains("max_bytes");
            assertThat(store.read().isEmpty()).isTrue();
        }
        assertThat(root.resolve("build")).doesNotExist();
    }

    @Test
    void contentAtTheLimitIsWritten() {
        try (ConfigStore store = open("64")) {
            StoreState fits = state("x".repeat(53));
            assertThat(fits.content().sizeBytes()).isEqualTo(64);

            store.apply(fits, store.read());

            assertThat(store.read().sameAs(fits)).isTrue();
        }
    }
}
