package io.configcicd.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.Origin;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.TargetSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisStoreProviderTest {

    @Test
    void serviceLoaderFindsTheRedisTypeBesideFile() {
        assertThat(StoreProviders.installed().types()).contains("file", "redis");
        assertThat(StoreProviders.installed().find("redis")).get().isInstanceOf(RedisStoreProvider.class);
    }

    @Test
    void aTargetWithOnlyTypeAndUrlGetsKeysLayoutTheEnvironmentsKeyAndRedisLimit() {
        TargetSpec spec = StoreProviders.installed().parse("cache", ConfigNodes.fromPlain(
                Map.of("type", "redis", "url", "${REDIS_URL}"), Origin.UNKNOWN), "production");

        assertThat(spec.layout()).isEqualTo(Layout.KEYS);
        assertThat(spec.option(RedisSettings.KEY)).contains("config:production");
        assertThat(spec.option(RedisSettings.URL)).contains("${REDIS_URL}");
        assertThat(new RedisStoreProvider().storeLimitBytes()).isEqualTo(512L * 1024 * 1024);
    }

    @Test
    void anUnknownOptionIsBadInputListingTheRedisOptions() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> StoreProviders.installed()
                .parse("cache", ConfigNodes.fromPlain(Map.of("type", "redis", "tls_verify",
                        "false"), Origin.UNKNOWN), "production"));

        assertThat(e.problem()).contains("unknown key 'tls_verify'");
        assertThat(e.hint()).contains("insecure_skip_tls_verify", "channel", "url", "password");
    }

    @Test
    void openingDoesNotConnectSoAnUnreachableUrlOpensAndFailsOnlyOnUse() {
        TargetSpec spec = RedisTargets.spec("redis://127.0.0.1:1/0", "config:x", Layout.KEYS);

        try (var store = new RedisStoreProvider().open(spec, RedisTargets.CONTEXT)) {
            assertThat(store.spec()).isEqualTo(spec);
        }
    }
}
