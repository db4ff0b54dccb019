package io.configcicd.store.redis;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A redis target (ARCHITECTURE 3a). {@code keys}: the hash {@code key}, one field per entry; {@code document}: the
 * string {@code key}. The deployed record is the hash {@code <key>:meta}.
 *
 * <p>Apply, keys layout: the new content goes into {@code <key>:staging:<random>} (pipelined {@code HSET}s of
 * {@link #chunkSize} fields, an {@code EXPIRE} so that a crash leaves no garbage), then, on one connection,
 * {@code WATCH} the live key, its record and the staging key, read them and compare with what the caller expected
 * (CONFLICT when they differ), and in one {@code MULTI}/{@code EXEC} {@code RENAME} staging to live,
 * {@code PERSIST} it and rewrite the record. A null {@code EXEC} (the {@code WATCH} fired) is a CONFLICT with
 * nothing changed. Readers see the old or the new hash, never a mix. Document layout: {@code SET} under the same
 * guard. After the switch, {@link ChangeNotice} is published on the channel.
 *
 * <p>A key of another type (a list where the hash belongs) is refused, never overwritten.
 */
final class RedisStore implements ConfigStore {

    static final int DEFAULT_CHUNK_SIZE = 1000;
    /** Seconds a staging key lives when the switch never comes (a crash, a kill). */
    static final long STAGING_TTL_SECONDS = 3600;

    static final String NOTHING_WRITTEN = "nothing was written";
    static final String NOTHING_SWITCHED = "nothing was switched: the target holds what it held before (the staging"
            + " key expires by itself)";
    static final String OLD_OR_NEW = "the target holds the complete old or the complete new content, never a mix;"
            + " read it back (drift) to see which";

    private final TargetSpec spec;
    private final RedisSettings settings;
    private final RedisClient client;
    private final Clock clock;
    private final ApplyHooks hooks;
    private final int chunkSize;

    RedisStore(TargetSpec spec, RedisSettings settings, RedisClient client, Clock clock, ApplyHooks hooks,
               int chunkSize) {
        this.spec = spec;
        this.settings = settings;
        this.client = client;
        this.clock = clock;
        this.hooks = hooks;
        this.chunkSize = chunkSize;
    }

    @Override
    public TargetSpec spec() {
        return spec;
    }

    RedisSettings settings() {
        return settings;
    }

    RedisClient client() {
        return client;
    }

    @Override
    public StoreState read() {
        try (AbstractTransaction tx = client.multi()) {
            Response<String> type = tx.type(settings.key());
            Response<String> metaType = tx.type(settings.metaKey());
            Response<Map<String, String>> meta = tx.hgetAll(settings.metaKey());
            Response<?> data = spec.layout() == Layout.KEYS ? tx.hgetAll(settings.key()) : tx.get(settings.key());
            tx.exec();
            return decode(type.get(), metaType.get(), meta::get, data::get, NOTHING_WRITTEN);
        } catch (JedisException e) {
            throw RedisErrors.translate(settings, "reading " + settings.key(), NOTHING_WRITTEN, e);
        }
    }

    @Override
    public void apply(StoreState desired, StoreState expected) {
        if (desired.content().layout() != spec.layout()) {
            throw new IllegalArgumentException("target " + spec.name() + " has layout " + spec.layout().word()
                    + ", the content has " + desired.content().layout().word());
        }
        Optional<String> staging = desired.content() instanceof StoreContent.Keys keys && !keys.isEmpty()
                ? Optional.of(stage(keys)) : Optional.empty();
        boolean switched = false;
        try {
            staging.ifPresent(hooks::afterStaging);
            switchTo(desired, expected, staging);
            switched = true;
        } finally {
            if (!switched) {
                staging.ifPresent(this::dropQuietly);
            }
        }
        publish(desired, expected);
    }

    @Override
    public StoreCheck check() {
        return new RedisStoreCheck(this, clock).run();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (RuntimeException ignored) {
            // closing a pool whose server is gone must not hide the failure that came before
        }
    }

    /** Writes the entries into a fresh staging hash that expires by itself; returns its name. */
    private String stage(StoreContent.Keys keys) {
        String staging = settings.key() + ":staging:" + UUID.randomUUID().toString().replace("-", "");
        List<Response<?>> replies = new ArrayList<>();
        try (AbstractPipeline p = client.pipelined()) {
            Map<String, String> chunk = new HashMap<>();
            for (Map.Entry<String, String> e : keys.entries().entrySet()) {
                chunk.put(e.getKey(), e.getValue());
                if (chunk.size() == chunkSize) {
                    queueChunk(p, staging, chunk, replies);
                    chunk = new HashMap<>();
                }
            }
            if (!chunk.isEmpty()) {
                queueChunk(p, staging, chunk, replies);
            }
            p.sync();
            replies.forEach(Response::get);
            return staging;
        } catch (JedisException e) {
            dropQuietly(staging);
            throw RedisErrors.translate(settings, "writing the staging key " + staging, NOTHING_SWITCHED, e);
        }
    }

    private static void queueChunk(AbstractPipeline p, String staging, Map<String, String> chunk,
                                   List<Response<?>> replies) {
        replies.add(p.hset(staging, chunk));
        if (replies.size() == 1) {
            replies.add(p.expire(staging, STAGING_TTL_SECONDS));
        }
    }

    /** WATCH, check-and-set read, MULTI, switch, EXEC on one connection of the pool. */
    private void switchTo(StoreState desired, StoreState expected, Optional<String> staging) {
        String key = settings.key();
        String meta = settings.metaKey();
        boolean executing = false;
        try (Jedis j = new Jedis(client.getPool().getResource())) {
            j.watch(staging.map(s -> new String[] {key, meta, s}).orElse(new String[] {key, meta}));
            try {
                if (!holds(j, expected)) {
                    throw StoreException.conflict(spec.name(), key + " or " + meta + " holds other content or another"
                            + " record than was read; " + NOTHING_WRITTEN);
                }
                staging.ifPresent(s -> requireComplete(j.hlen(s), desired.content()));
                hooks.beforeSwitch();
                Transaction t = j.multi();
                queueSwitch(t, desired, staging);
                executing = true;
                checkExec(t.exec());
            } finally {
                if (!executing) {
                    unwatchQuietly(j);
                }
            }
        } catch (JedisException e) {
            throw RedisErrors.translate(settings, "switching " + key + " to the new content",
                    executing ? OLD_OR_NEW : NOTHING_SWITCHED, e);
        }
    }

    private void queueSwitch(Transaction t, StoreState desired, Optional<String> staging) {
        String key = settings.key();
        if (staging.isPresent()) {
            t.rename(staging.get(), key);
            t.persist(key);
        } else if (desired.content() instanceof StoreContent.Document doc && !doc.isEmpty()) {
            t.set(key, doc.text());
        } else {
            t.del(key);
        }
        t.del(settings.metaKey());
        desired.record().ifPresent(r -> t.hset(settings.metaKey(), r.toFields()));
    }

    private void checkExec(List<Object> replies) {
        if (replies == null) {
            throw StoreException.conflict(spec.name(), settings.key() + " or its record changed between the check and"
                    + " the switch (WATCH fired); " + NOTHING_WRITTEN);
        }
        for (Object reply : replies) {
            if (reply instanceof JedisException e) {
                throw RedisErrors.translate(settings, "switching " + settings.key() + " to the new content",
                        "redis ran the switch but refused a step of it: read the target back (drift) and deploy again", e);
            }
        }
    }

    private void requireComplete(long stagedFields, StoreContent desired) {
        int want = ((StoreContent.Keys) desired).entries().size();
        if (stagedFields != want) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, spec.name(), "the staging key holds "
                    + stagedFields + " of " + want + " entries (expired or changed by someone else); " + NOTHING_SWITCHED,
                    "deploy again; check that nothing deletes keys under " + settings.key() + ":staging:");
        }
    }

    private void publish(StoreState desired, StoreState expected) {
        try {
            client.publish(settings.channel(), ChangeNotice.json(spec.environment(), settings.key(), expected, desired));
        } catch (JedisException e) {
            throw RedisErrors.translate(settings, "publishing the change notice on " + settings.channel(),
                    "the new content is in place, but subscribers of " + settings.channel() + " were not told", e);
        }
    }

    /**
     * Whether the live key and record (read under WATCH) are what the caller expected: the same as
     * {@link StoreState#sameAs}, compared entry by entry instead of hashing both sides (100,000 entries).
     */
    private boolean holds(Jedis j, StoreState expected) {
        String type = j.type(settings.key());
        String metaType = j.type(settings.metaKey());
        checkTypes(type, metaType, NOTHING_WRITTEN);
        Optional<DeployedRecord> record = "none".equals(metaType) ? Optional.empty()
                : Optional.of(record(j.hgetAll(settings.metaKey())));
        if (!record.equals(expected.record()) || expected.content().layout() != spec.layout()) {
            return false;
        }
        if ("none".equals(type)) {
            return expected.content().isEmpty();
        }
        return expected.content() instanceof StoreContent.Keys keys
                ? keys.entries().equals(j.hgetAll(settings.key()))
                : ((StoreContent.Document) expected.content()).text().equals(j.get(settings.key()));
    }

    private void checkTypes(String type, String metaType, String state) {
        String wants = spec.layout() == Layout.KEYS ? "hash" : "string";
        if (!"none".equals(type) && !wants.equals(type)) {
            throw RedisErrors.wrongType(settings, settings.key(), type, wants, state);
        }
        if (!"none".equals(metaType) && !"hash".equals(metaType)) {
            throw RedisErrors.wrongType(settings, settings.metaKey(), metaType, "hash of the deployed record", state);
        }
    }

    /** The state from what redis answered; a key of another type is refused. */
    private StoreState decode(String type, String metaType, Supplier<Map<String, String>> meta, Supplier<?> data,
                              String state) {
        checkTypes(type, metaType, state);
        StoreContent content = "none".equals(type) ? StoreContent.empty(spec.layout())
                : spec.layout() == Layout.KEYS ? keysOf(data.get())
                : new StoreContent.Document((String) data.get(), spec.format().mediaType());
        return new StoreState(content, "none".equals(metaType) ? Optional.empty() : Optional.of(record(meta.get())));
    }

    @SuppressWarnings("unchecked")
    private static StoreContent.Keys keysOf(Object hash) {
        return StoreContent.Keys.of((Map<String, String>) hash);
    }

    private DeployedRecord record(Map<String, String> fields) {
        try {
            return DeployedRecord.fromFields(fields);
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, spec.name(), "the record " + settings.metaKey()
                    + " cannot be read: " + e.getMessage(), "restore it from the deployment journal, or delete it and"
                    + " deploy again (the next deploy plans against the content alone)", e);
        }
    }

    private void dropQuietly(String staging) {
        try {
            client.del(staging);
        } catch (JedisException ignored) {
            // the staging key expires by itself
        }
    }

    private static void unwatchQuietly(Jedis j) {
        try {
            j.unwatch();
        } catch (JedisException ignored) {
            // a broken connection is discarded by the pool, and its WATCH with it
        }
    }
}
