package io.configcicd.store.consul;

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

/** Target specs of the consul tests. */
final class ConsulTargets {

    static final StoreContext CONTEXT = new StoreContext(Clock.systemUTC(), Path.of("."));

    private ConsulTargets() {
    }

    static TargetSpec spec(String url, String prefix, Layout layout, Map<String, String> more) {
        Map<String, String> options = new TreeMap<>(more);
        options.put(ConsulSettings.URL, url);
        options.put(ConsulSettings.PREFIX, prefix);
        options.putIfAbsent(ConsulSettings.RECORD_KEY, "config-cicd/deployments/" + prefix.replace("/", "-"));
        return new TargetSpec("kv", ConsulStoreProvider.TYPE, "production", layout, SecretsMode.REFERENCE,
                DocumentFormat.JSON, TargetSpecs.DEFAULT_MAX_BYTES, new TreeMap<>(options));
    }

    static ConsulStore open(TargetSpec spec) {
        return (ConsulStore) new ConsulStoreProvider().open(spec, CONTEXT);
    }
}
