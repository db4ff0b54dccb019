package io.configcicd.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/** What the redis target does under concurrent readers and writers, with keys of the wrong type, and on the wire. */
class RedisStoreFaultsIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final AtomicInteger TESTS = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");

    private String key;
    private RedisClient raw;

    @BeforeEach
    void setUp() {
        key = "config:faults-" + TESTS.incrementAndGet();
        raw = RedisClient.create("127.0.0.1", REDIS.port());
    }

    @AfterEach
    void tearDown() {
        raw.close();
    }

    static StoreContent.Keys entries(String prefix, int from, int to, String value) {
        Map<String, String> m = new TreeMap<>();
        for (int i = from; i < to; i++) {
            m.put(prefix + ".key" + i, value + i);
        }
        return StoreContent.Keys.of(m);
    }

    static StoreState deployed(StoreContent content, String id) {
        return StoreState.of(content, DeployedRecord.of(content, "c0ffee-" + id, id, AT));
    }

    @Test
    void aReaderHammeringHgetallDuring50AppliesSeesContentAOrContentBNeverAMix() throws Exception {
        StoreContent.Keys a = entries("svc", 0, 3000, "a");
        StoreContent.Keys b = entries("svc", 1500, 4500, "b");
        AtomicBoolean done = new AtomicBoolean();
        List<Integer> mixedSizes = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        try (RedisStore store = RedisTargets.store(RedisTargets.spec(REDIS.url(), key, Layout.KEYS), ApplyHooks.NONE, 100);
             RedisClient reader = RedisClient.create("127.0.0.1", REDIS.port())) {
            store.apply(deployed(a, "run-0"), store.read());
            Thread hammer = new Thread(() -> {
                while (!done.get()) {
                    Map<String, String> seen = reader.hgetAll(key);
                    reads.incrementAndGet();
                    if (!seen.equals(a.entries()) && !seen.equals(b.entries())) {
                        synchronized (mixedSizes) {
                            mixedSizes.add(seen.size());
                        }
                    }
                }
            });
            hammer.start();
            for (int i = 1; i <= 50; i++) {
                store.apply(deployed(i % 2 == 1 ? b : a, "run-" + i), store.read());
            }
            done.set(true);
            hammer.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(reads.get()).isPositive();
        assertThat(mixedSizes).as("reads that were neither A nor B (their sizes)").isEmpty();
    }

    @Test
    void aWriterChangingTheLiveHashAfterTheCheckFiresWatchSoNothingIsWrittenAndNoStagingKeyRemains() {
        StoreState first = deployed(entries("svc", 0, 10, "a"), "run-1");
        ApplyHooks otherWriter = new ApplyHooks() {
            @Override
            public void beforeSwitch() {
                raw.hset(key, "svc.key3", "changed by hand");
            }
        };
        try (RedisStore setup = RedisTargets.store(RedisTargets.spec(REDIS.url(), key, Layout.KEYS), ApplyHooks.NONE, 4);
             RedisStore store = RedisTargets.store(RedisTargets.spec(REDIS.url(), key, Layout.KEYS), otherWriter, 4)) {
            setup.apply(first, setup.read());
            StoreState planned = store.read();

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(deployed(entries("svc", 0, 10, "b"), "run-2"), planned));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
            assertThat(e.getMessage()).contains("WATCH fired").doesNotContain("changed by hand");
            assertThat(raw.hget(key, "svc.key3")).isEqualTo("changed by hand");
            assertThat(raw.hget(key, "svc.key4")).isEqualTo("a4");
            assertThat(raw.hgetAll(key + ":meta")).containsEntry("deployment_id", "run-1");
            assertThat(raw.keys(key + ":staging:*")).isEmpty();
        }
    }

    @Test
    void aListWhereTheHashBelongsIsRefusedNamingTheKeyAndWhatItHoldsAndIsLeftAlone() {
        raw.rpush(key, "someone", "else's", "queue");
        try (ConfigStore store = new RedisStoreProvider().open(RedisTargets.spec(REDIS.url(), key, Layout.KEYS),
                RedisTargets.CONTEXT)) {
            StoreException onRead = catchThrowableOfType(StoreException.class, store::read);
            StoreException onApply = catchThrowableOfType(StoreException.class, () -> store.apply(
                    deployed(entries("svc", 0, 3, "a"), "run-1"), StoreState.empty(Layout.KEYS)));

            assertThat(onRead.problem()).contains(key, "holds a list", "not the hash", "refusing to overwrite");
            assertThat(onApply.problem()).contains(key, "holds a list");
            assertThat(onApply.hint()).contains("DEL " + key);
        }
        assertThat(raw.type(key)).isEqualTo("list");
        assertThat(raw.lrange(key, 0, -1)).containsExactly("someone", "else's", "queue");
        assertThat(raw.keys(key + ":staging:*")).isEmpty();
        assertThat(raw.exists(key + ":meta")).isFalse();
    }

    @Test
    void aHashWhereTheDocumentStringBelongsIsRefused() {
        raw.hset(key, "field", "value");
        try (ConfigStore store = new RedisStoreProvider().open(RedisTargets.spec(REDIS.url(), key, Layout.DOCUMENT),
                RedisTargets.CONTEXT)) {
            StoreException e = catchThrowableOfType(StoreException.class, () -> store.apply(deployed(
                    new StoreContent.Document("{}", DocumentFormat.JSON.mediaType()), "run-1"),
                    StoreState.empty(Layout.DOCUMENT)));

            assertThat(e.problem()).contains(key, "holds a hash", "not the string");
        }
        assertThat(raw.hgetAll(key)).containsExactly(Map.entry("field", "value"));
    }

    @Test
    void aSecondClientReadsOneFieldPerEntryAndTheRecordInKeyMetaWithNoExpiryLeft() {
        StoreState desired = deployed(entries("kgot", 0, 2500, "v"), "run-7");
        try (RedisStore store = RedisTargets.store(RedisTargets.spec(REDIS.url(), key, Layout.KEYS), ApplyHooks.NONE, 1000)) {
            store.apply(desired, store.read());
        }

        assertThat(raw.hgetAll(key)).isEqualTo(((StoreContent.Keys) desired.content()).entries());
        assertThat(raw.hgetAll(key + ":meta")).isEqualTo(desired.record().orElseThrow().toFields());
        assertThat(raw.ttl(key)).as("the staging key's EXPIRE must not survive the RENAME").isEqualTo(-1);
        assertThat(raw.keys(key + ":staging:*")).isEmpty();
    }

    @Test
    void aSuccessfulApplyPublishesCommitDeploymentHashAndChangedPathsButNoValue() throws Exception {
        StoreState first = deployed(StoreContent.Keys.of(Map.of("db.password", "${DB_PASSWORD}", "db.pool", "5")), "run-1");
        StoreState second = deployed(StoreContent.Keys.of(Map.of("db.password", "s3cr3t-value", "db.pool", "5",
                "feature.x", "on")), "run-2");
        AtomicReference<String> message = new AtomicReference<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        CountDownLatch received = new CountDownLatch(2);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String text) {
                message.set(text);
                received.countDown();
            }
        };
        try (RedisClient subscriber = RedisClient.create("127.0.0.1", REDIS.port());
             ConfigStore store = new RedisStoreProvider().open(RedisTargets.spec(REDIS.url(), key, Layout.KEYS),
                     RedisTargets.CONTEXT)) {
            Thread t = new Thread(() -> subscriber.subscribe(listener, key + ":changes"));
            t.start();
            assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
            store.apply(first, store.read());
            store.apply(second, store.read());
            assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
            listener.unsubscribe();
            t.join(10_000);
        }

        assertThat(message.get()).contains("\"environment\":\"production\"", "\"commit\":\"c0ffee-run-2\"",
                "\"deployment_id\":\"run-2\"", "\"sha256\":\"" + second.content().sha256() + "\"",
                "\"changed_paths\":[\"db.password\",\"feature.x\"]")
                .doesNotContain("s3cr3t-value", "DB_PASSWORD", "\"on\"", "\"5\"");
    }

    @Test
    void contentOverMaxBytesIsTooLargeBeforeAnythingIsWritten() {
        TargetSpec base = RedisTargets.spec(REDIS.url(), key, Layout.KEYS);
        TargetSpec small = new TargetSpec(base.name(), base.type(), base.environment(), base.layout(), base.secrets(),
                base.format(), 1024, base.options());
        try (ConfigStore store = StoreProviders.installed().open(small, RedisTargets.CONTEXT)) {
            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(deployed(entries("big", 0, 200, "value-"), "run-1"), store.read()));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_LARGE);
        }
        assertThat(raw.keys(key + "*")).isEmpty();
    }
}
