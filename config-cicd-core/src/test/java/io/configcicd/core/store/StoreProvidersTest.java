package io.configcicd.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.store.file.FileStoreProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreProvidersTest {

    @TempDir
    Path root;

    @Test
    void serviceLoaderFindsTheFileProviderOfTheCore() {
        StoreProviders installed = StoreProviders.installed();

        assertThat(installed.types()).contains("file");
        assertThat(installed.find("file")).containsInstanceOf(FileStoreProvider.class);
        assertThat(installed.find("redis")).as("the redis store comes with its own module").isEmpty();
    }

    @Test
    void twoProvidersOfOneTypeAreRefused() {
        StoreProvider other = new TargetSpecsTest.KeysProvider() {
            @Override
            public String type() {
                return "file";
            }
        };

        assertThatThrownBy(() -> StoreProviders.of(List.of(new FileStoreProvider(), other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two store providers for type file");
    }

    @Test
    void anOpenedStoreIsWrappedInTheSizeLimit() {
        StoreProviders installed = StoreProviders.installed();
        TargetSpec spec = TargetSpecs.parse("local", Map.of("type", "file"), "dev", installed);

        try (ConfigStore store = installed.open(spec, new StoreContext(Clock.systemUTC(), root))) {
            assertThat(store).isInstanceOf(SizeLimitedStore.class);
            assertThat(store.spec()).isEqualTo(spec);
        }
    }
}
