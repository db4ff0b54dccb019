package io.configcicd.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * redis-server killed (SIGKILL) between the staging write and the switch: the apply fails UNAVAILABLE and, once
 * the server is started again on the same data directory (append-only file, fsync on every write), the live hash
 * holds the complete old content and record.
 */
class RedisKillIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension("--appendonly", "yes", "--appendfsync", "always");

    private static final String KEY = "config:killed";

    @Test
    void aServerKilledBetweenStagingAndSwitchLeavesTheCompleteOldContentAndRecord() throws Exception {
        StoreContent.Keys old = RedisStoreFaultsIT.entries("svc", 0, 500, "old");
        StoreState before = StoreState.of(old, DeployedRecord.of(old, "c-old", "run-1", Instant.EPOCH));
        ApplyHooks kill = new ApplyHooks() {
            @Override
            public void afterStaging(String stagingKey) {
                try {
                    REDIS.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (ConfigStore setup = RedisTargets.store(RedisTargets.spec(REDIS.url(), KEY, Layout.KEYS), ApplyHooks.NONE, 50);
             RedisStore store = RedisTargets.store(RedisTargets.spec(REDIS.url(), KEY, Layout.KEYS), kill, 50)) {
            setup.apply(before, setup.read());
            StoreState planned = store.read();
            StoreContent.Keys next = RedisStoreFaultsIT.entries("svc", 0, 500, "new");

            StoreException e = catchThrowableOfType(StoreException.class, () -> store.apply(
                    StoreState.of(next, DeployedRecord.of(next, "c-new", "run-2", Instant.EPOCH)), planned));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
            assertThat(e.problem()).contains("cannot reach redis", "nothing was switched");
        }
        REDIS.start();
        try (ConfigStore reader = new RedisStoreProvider().open(RedisTargets.spec(REDIS.url(), KEY, Layout.KEYS),
                RedisTargets.CONTEXT); RedisClient raw = RedisClient.create("127.0.0.1", REDIS.port())) {
            assertThat(reader.read().sameAs(before)).isTrue();
            for (String staging : raw.keys(KEY + ":staging:*")) {
                assertThat(raw.ttl(staging)).as("a staging key left by the crash expires").isPositive();
            }
        }
    }
}
