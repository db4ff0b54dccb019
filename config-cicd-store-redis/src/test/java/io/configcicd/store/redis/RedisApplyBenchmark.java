package io.configcicd.store.redis;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreState;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark behind {@code bench/redis-apply-vs-pipe.sh} (not a test): applies N keys (default 100,000) with
 * {@link RedisStore} to a running redis-server, staging and atomic switch included, and prints
 * {@code apply_ms=<best of runs>}. The fields are the ones the script feeds to {@code redis-cli --pipe}:
 * {@code app.section<i/100>.key<i>} = {@code value-<i>}. Arguments: port, key, count, chunk size, runs.
 */
public final class RedisApplyBenchmark {

    private RedisApplyBenchmark() {
    }

    static StoreContent.Keys fields(int count) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            m.put("app.section" + (i / 100) + ".key" + i, "value-" + i);
        }
        return StoreContent.Keys.of(m);
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String key = args.length > 1 ? args[1] : "bench:apply";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int chunk = args.length > 3 ? Integer.parseInt(args[3]) : RedisStore.DEFAULT_CHUNK_SIZE;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        StoreContent.Keys content = fields(count);
        long best = Long.MAX_VALUE;
        long first = 0;
        try (RedisStore store = RedisTargets.store(RedisTargets.spec("redis://127.0.0.1:" + port + "/0", key,
                Layout.KEYS), ApplyHooks.NONE, chunk)) {
            for (int run = 0; run < runs; run++) {
                StoreState desired = StoreState.of(content, DeployedRecord.of(content, "bench", "run-" + run,
                        Instant.now()));
                StoreState expected = store.read();
                long start = System.nanoTime();
                store.apply(desired, expected);
                long ms = (System.nanoTime() - start) / 1_000_000;
                first = run == 0 ? ms : first;
                best = Math.min(best, ms);
            }
            if (store.client().hlen(key) != count) {
                throw new IllegalStateException("the hash holds " + store.client().hlen(key) + " fields, not " + count);
            }
        }
        System.out.println("apply_first_ms=" + first);
        System.out.println("apply_ms=" + best);
    }
}
