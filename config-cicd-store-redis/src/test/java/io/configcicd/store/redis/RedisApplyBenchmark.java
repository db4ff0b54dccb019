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
 * {@code apply_ms=<best of runs>} (each run to a fresh key, as {@code redis-cli --pipe} writes into an empty hash) and
 * {@code replace_ms=<best of runs>} (the same content over a key that holds 100,000 fields: the check-and-set reads
 * them back first). The fields are the ones the script feeds to {@code redis-cli --pipe}:
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
        String url = "redis://127.0.0.1:" + port + "/0";
        StoreContent.Keys content = fields(count);
        long best = Long.MAX_VALUE;
        long first = 0;
        long replaceBest = Long.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            // a fresh key each run: the same job as redis-cli --pipe into an empty hash, plus staging and switch
            String fresh = key + ":" + run;
            long ms = timedApply(url, fresh, content, chunk, "run-" + run);
            first = run == 0 ? ms : first;
            best = Math.min(best, ms);
            // then a replace of that key's 100,000 fields: the check-and-set reads the live hash back first
            replaceBest = Math.min(replaceBest, timedApply(url, fresh, content, chunk, "again-" + run));
        }
        System.out.println("apply_first_ms=" + first);
        System.out.println("apply_ms=" + best);
        System.out.println("replace_ms=" + replaceBest);
    }

    /** Applies {@code content} to {@code key} against what it holds now; returns the milliseconds apply took. */
    private static long timedApply(String url, String key, StoreContent.Keys content, int chunk, String deployment) {
        try (RedisStore store = RedisTargets.store(RedisTargets.spec(url, key, Layout.KEYS), ApplyHooks.NONE, chunk)) {
            StoreState desired = StoreState.of(content, DeployedRecord.of(content, "bench", deployment, Instant.now()));
            StoreState expected = store.read();
            long start = System.nanoTime();
            store.apply(desired, expected);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (store.client().hlen(key) != content.entries().size()) {
                throw new IllegalStateException("the hash holds " + store.client().hlen(key) + " fields, not "
                        + content.entries().size());
            }
            return ms;
        }
    }
}
