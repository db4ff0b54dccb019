package io.configcicd.store.redis;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreCheck.Status;
import io.configcicd.core.store.StoreCheck.Step;
import io.configcicd.core.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * {@code test-stores} for a redis target: {@code PING} (reachable; a refused {@code AUTH} or {@code NOAUTH} means
 * reachable but not authenticated), a read of the target, and a probe write: {@code SET <key>:probe:<random>}
 * with a one-minute expiry and its {@code DEL}, next to the target's key. The target's own keys are not touched.
 */
final class RedisStoreCheck {

    private static final long PROBE_TTL_MILLIS = 60_000;

    private final RedisStore store;
    private final RedisSettings settings;
    private final Clock clock;

    RedisStoreCheck(RedisStore store, Clock clock) {
        this.store = store;
        this.settings = store.settings();
        this.clock = clock;
    }

    StoreCheck run() {
        long start = clock.millis();
        Step reachable;
        Step auth;
        try {
            long ping = clock.millis();
            store.client().ping();
            reachable = Step.ok(settings.maskedUrl() + " answered PING in " + Math.max(0, clock.millis() - ping) + " ms");
            auth = Step.ok(settings.password().isPresent() ? "accepted the credentials"
                    : "no password configured; the server asks for none");
        } catch (JedisException e) {
            StoreException failure = RedisErrors.translate(settings, "sending PING", RedisStore.NOTHING_WRITTEN, e);
            boolean authFailed = failure.reason() == StoreException.Reason.UNAUTHORIZED;
            reachable = authFailed ? Step.ok(settings.maskedUrl() + " answered") : Step.failed(failure.problem());
            auth = authFailed ? Step.failed(failure.problem()) : Step.skipped("the server is not reachable");
        }
        boolean usable = reachable.status() == Status.OK && auth.status() == Status.OK;
        Step read = usable ? read() : Step.skipped("not connected");
        Step write = usable ? write() : Step.skipped("not connected");
        return new StoreCheck(store.spec().name(), reachable, auth, read, write,
                Duration.ofMillis(Math.max(0, clock.millis() - start)));
    }

    private Step read() {
        try {
            store.read();
            return Step.ok(settings.key());
        } catch (ConfigCicdException e) {
            return Step.failed(e.problem());
        }
    }

    private Step write() {
        String probe = settings.key() + ":probe:" + UUID.randomUUID().toString().replace("-", "");
        try {
            store.client().set(probe, "config-cicd test-stores probe", SetParams.setParams().px(PROBE_TTL_MILLIS));
            store.client().del(probe);
            return Step.ok("wrote and deleted " + probe);
        } catch (JedisException e) {
            return Step.failed(RedisErrors.translate(settings, "writing the probe key " + probe,
                    RedisStore.NOTHING_WRITTEN, e).problem());
        }
    }
}
