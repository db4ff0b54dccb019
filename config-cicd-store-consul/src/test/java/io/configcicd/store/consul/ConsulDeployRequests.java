package io.configcicd.store.consul;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreState;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, with the double, the HTTP requests of a deploy of N keys to an empty consul target as the deploy engine
 * makes it (read, apply, verify) and of a re-deploy of the same content (read; the engine writes nothing when the
 * hashes match). {@code bench/consul-requests.sh} runs {@link #main}; {@code ConsulDeployRequestsIT} checks targets.
 */
final class ConsulDeployRequests {

    record Numbers(int keys, int maxTxnOps, int deployRequests, int deployTxns, int redeployRequests,
                   int redeployWrites, long deployMillis) {
    }

    private ConsulDeployRequests() {
    }

    static Numbers measure(int keys, int maxTxnOps) {
        try (ConsulDouble consul = new ConsulDouble()) {
            consul.maxTxnOps(maxTxnOps);
            Map<String, String> entries = new TreeMap<>();
            for (int i = 0; i < keys; i++) {
                entries.put("app.section" + (i / 100) + ".key" + i, "value-" + i);
            }
            StoreContent content = StoreContent.Keys.of(entries);
            StoreState desired = StoreState.of(content, DeployedRecord.of(content, "c0ffee", "bench", Instant.EPOCH));
            var spec = ConsulTargets.spec(consul.url(), "config/bench/", Layout.KEYS,
                    Map.of(ConsulSettings.MAX_TXN_OPS, String.valueOf(maxTxnOps)));
            long start = System.nanoTime();
            try (ConsulStore store = ConsulTargets.open(spec)) {
                deployAsTheEngineDoes(store, desired);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            int deploy = consul.totalRequests();
            int txns = consul.requests("PUT /v1/txn");
            consul.resetCounts();
            try (ConsulStore store = ConsulTargets.open(spec)) {
                deployAsTheEngineDoes(store, desired);
            }
            return new Numbers(keys, maxTxnOps, deploy, txns, consul.totalRequests(), consul.writeRequests(), millis);
        }
    }

    private static void deployAsTheEngineDoes(ConsulStore store, StoreState desired) {
        StoreState live = store.read();
        if (live.content().sha256().equals(desired.content().sha256()) && live.record().equals(desired.record())) {
            return;
        }
        store.apply(desired, live);
        if (!store.verify(desired).matches()) {
            throw new IllegalStateException("verify failed");
        }
    }

    public static void main(String[] args) {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Numbers n = measure(keys, ops);
        System.out.println("keys=" + n.keys() + " max_txn_ops=" + n.maxTxnOps());
        System.out.println("deploy_requests=" + n.deployRequests() + " (txns=" + n.deployTxns() + ", target ceil("
                + keys + "/" + ops + ")=" + (keys + ops - 1) / ops + " txns + a constant)");
        System.out.println("deploy_ms=" + n.deployMillis() + " (against the in-process double)");
        System.out.println("redeploy_requests=" + n.redeployRequests() + " redeploy_writes=" + n.redeployWrites()
                + " (target: reads only, no write)");
    }
}
