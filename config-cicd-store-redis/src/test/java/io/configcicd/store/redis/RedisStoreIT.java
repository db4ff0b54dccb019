package io.configcicd.store.redis;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.ConfigStoreContract;
import io.configcicd.core.store.Layout;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract every backend passes, against a real redis-server: each test gets a key of its own. */
class RedisStoreIT extends ConfigStoreContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final AtomicInteger TESTS = new AtomicInteger();
    private String key;

    @BeforeEach
    void freshKey() {
        key = "config:contract-" + TESTS.incrementAndGet();
    }

    @Override
    protected ConfigStore open(Layout layout) {
        return new RedisStoreProvider().open(RedisTargets.spec(REDIS.url(), key, layout), RedisTargets.CONTEXT);
    }
}
