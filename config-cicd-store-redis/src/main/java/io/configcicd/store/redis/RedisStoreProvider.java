package io.configcicd.store.redis;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreProvider;
import io.configcicd.core.store.TargetSpec;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: redis} (ARCHITECTURE 3a): options {@code url} ({@code redis://host:port/db} or {@code rediss://}),
 * {@code key} (default {@value RedisSettings#DEFAULT_KEY}), {@code channel} (default {@code <key>:changes}),
 * {@code username}, {@code password}, {@code timeout} (default 5s) and {@code insecure_skip_tls_verify} (TLS
 * certificates are verified unless it is {@code true}). Layout {@code keys} by default. Redis holds at most 512 MB
 * in one value, the limit {@code max_bytes} cannot exceed. Opening does not connect.
 */
public final class RedisStoreProvider implements StoreProvider {

    public static final String TYPE = "redis";
    /** Redis' own limit on one value (a string, or one field of a hash). */
    public static final long REDIS_LIMIT_BYTES = 512L * 1024 * 1024;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Layout defaultLayout() {
        return Layout.KEYS;
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of(RedisSettings.URL, RedisSettings.KEY, RedisSettings.CHANNEL, RedisSettings.USERNAME,
                RedisSettings.PASSWORD, RedisSettings.TIMEOUT, RedisSettings.INSECURE_SKIP_TLS_VERIFY);
    }

    @Override
    public Map<String, String> optionDefaults() {
        return Map.of(RedisSettings.KEY, RedisSettings.DEFAULT_KEY);
    }

    @Override
    public long storeLimitBytes() {
        return REDIS_LIMIT_BYTES;
    }

    @Override
    public ConfigStore open(TargetSpec spec, StoreContext context) {
        RedisSettings settings = RedisSettings.of(spec);
        return new RedisStore(spec, settings, RedisClients.open(settings), context.clock(), ApplyHooks.NONE,
                RedisStore.DEFAULT_CHUNK_SIZE);
    }
}
