package io.configcicd.store.redis;

import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.SecretsMode;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.TargetSpec;
import io.configcicd.core.store.TargetSpecs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** Target specs and stores of the redis tests. */
final class RedisTargets {

    static final StoreContext CONTEXT = new StoreContext(Clock.systemUTC(), Path.of("."));

    private RedisTargets() {
    }

    static TargetSpec spec(String url, String key, Layout layout, Map<String, String> more) {
        Map<String, String> options = new TreeMap<>(more);
        options.put(RedisSettings.URL, url);
        options.put(RedisSettings.KEY, key);
        return new TargetSpec("cache", RedisStoreProvider.TYPE, "production", layout, SecretsMode.REFERENCE,
                DocumentFormat.JSON, TargetSpecs.DEFAULT_MAX_BYTES, new TreeMap<>(options));
    }

    static TargetSpec spec(String url, String key, Layout layout) {
        return spec(url, key, layout, Map.of());
    }

    /** A store with test hooks and a small chunk size, so that even small contents take several HSETs. */
    static RedisStore store(TargetSpec spec, ApplyHooks hooks, int chunkSize) {
        RedisSettings settings = RedisSettings.of(spec);
        return new RedisStore(spec, settings, RedisClients.open(settings), Clock.systemUTC(), hooks, chunkSize);
    }
}
