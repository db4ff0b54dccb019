package io.configcicd.store.consul;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.ConfigStoreContract;
import io.configcicd.core.store.Layout;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** The store contract every backend passes, against the Consul double: each test gets a prefix of its own. */
class ConsulStoreIT extends ConfigStoreContract {

    private static final ConsulDouble CONSUL = new ConsulDouble();
    private static final AtomicInteger TESTS = new AtomicInteger();
    private String prefix;

    @BeforeEach
    void freshPrefix() {
        prefix = "config/contract-" + TESTS.incrementAndGet() + "/";
    }

    @AfterAll
    static void stop() {
        CONSUL.close();
    }

    @Override
    protected ConfigStore open(Layout layout) {
        return ConsulTargets.open(ConsulTargets.spec(CONSUL.url(), prefix, layout, Map.of()));
    }
}
