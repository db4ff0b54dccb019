package io.configcicd.store.consul;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreProvider;
import io.configcicd.core.store.TargetSpec;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: consul} (ARCHITECTURE 3a): options {@code url} (default {@value ConsulSettings#DEFAULT_URL}),
 * {@code prefix} (default {@value ConsulSettings#DEFAULT_PREFIX}), {@code token} ({@code ${CONSUL_TOKEN}}, sent as
 * {@code X-Consul-Token}), {@code ca_file}, {@code datacenter}, {@code max_txn_ops} (default 64; 128 from Consul
 * 1.14), {@code max_txn_bytes} (default 512 KiB), {@code record_key} (default
 * {@value ConsulSettings#DEFAULT_RECORD_KEY}) and {@code timeout}. Layout {@code keys} by default. Opening does not
 * connect.
 */
public final class ConsulStoreProvider implements StoreProvider {

    public static final String TYPE = "consul";

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
        return Set.of(ConsulSettings.URL, ConsulSettings.PREFIX, ConsulSettings.TOKEN, ConsulSettings.CA_FILE,
                ConsulSettings.DATACENTER, ConsulSettings.MAX_TXN_OPS, ConsulSettings.MAX_TXN_BYTES,
                ConsulSettings.RECORD_KEY, ConsulSettings.TIMEOUT);
    }

    @Override
    public Map<String, String> optionDefaults() {
        return Map.of(ConsulSettings.URL, ConsulSettings.DEFAULT_URL, ConsulSettings.PREFIX,
                ConsulSettings.DEFAULT_PREFIX, ConsulSettings.RECORD_KEY, ConsulSettings.DEFAULT_RECORD_KEY);
    }

    @Override
    public ConfigStore open(TargetSpec spec, StoreContext context) {
        ConsulSettings settings = ConsulSettings.of(spec, context.baseDirectory());
        return new ConsulStore(spec, settings, ConsulClients.open(settings), context.clock());
    }
}
