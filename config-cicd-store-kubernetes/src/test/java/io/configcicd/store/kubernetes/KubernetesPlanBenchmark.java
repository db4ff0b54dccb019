package io.configcicd.store.kubernetes;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreState;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark behind {@code bench/kubernetes-configmap-plan.sh} (not a test): the plan-time work of a
 * {@code keys}-layout ConfigMap of N keys (default 10,000) that holds N keys already, one in 100 changed: read the
 * live ConfigMap from fabric8's CRUD mock (HTTP on loopback), encode and check the desired data (key names, 1 MiB),
 * and compare entry by entry. Prints {@code read_ms}, {@code encode_ms}, {@code diff_ms}, {@code plan_ms} (best of
 * runs) and {@code changed}. Arguments: count, runs.
 */
public final class KubernetesPlanBenchmark {

    private KubernetesPlanBenchmark() {
    }

    static StoreContent.Keys keys(int count, int version) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            m.put("app.section" + (i / 100) + ".key" + i, "v" + (i % 100 == 0 ? version : 0) + "-" + i);
        }
        return StoreContent.Keys.of(m);
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try (ConfigStore store = KubernetesTargets.open(server, KubernetesTargets.spec("bench", Layout.KEYS))) {
            StoreContent.Keys live = keys(count, 1);
            store.apply(StoreState.of(live, DeployedRecord.of(live, "c0ffee", "run-1", Instant.now())), store.read());
            StoreContent.Keys desired = keys(count, 2);
            long bestRead = Long.MAX_VALUE;
            long bestEncode = Long.MAX_VALUE;
            long bestDiff = Long.MAX_VALUE;
            long bestPlan = Long.MAX_VALUE;
            int changed = 0;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                StoreState state = store.read();
                long t1 = System.nanoTime();
                ConfigMapCodec.toData("cm", desired, io.configcicd.core.store.DocumentFormat.JSON);
                long t2 = System.nanoTime();
                changed = diff(((StoreContent.Keys) state.content()).entries(), desired.entries());
                long t3 = System.nanoTime();
                bestRead = Math.min(bestRead, t1 - t0);
                bestEncode = Math.min(bestEncode, t2 - t1);
                bestDiff = Math.min(bestDiff, t3 - t2);
                bestPlan = Math.min(bestPlan, t3 - t0);
            }
            System.out.println("keys=" + count);
            System.out.println("read_ms=" + bestRead / 1_000_000);
            System.out.println("encode_ms=" + bestEncode / 1_000_000);
            System.out.println("diff_ms=" + bestDiff / 1_000_000);
            System.out.println("plan_ms=" + bestPlan / 1_000_000);
            System.out.println("changed=" + changed);
        } finally {
            server.destroy();
        }
    }

    private static int diff(Map<String, String> live, Map<String, String> wanted) {
        int changed = 0;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!e.getValue().equals(live.get(e.getKey()))) {
                changed++;
            }
        }
        for (String k : live.keySet()) {
            if (!wanted.containsKey(k)) {
                changed++;
            }
        }
        return changed;
    }
}
