package io.configcicd.store.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consul store against the double's faults: concurrent writers, 500s, no leader, ACLs, limits. */
class ConsulStoreFaultsIT {

    private static final AtomicInteger TESTS = new AtomicInteger();
    private ConsulDouble consul;
    private String prefix;

    @BeforeEach
    void start() {
        consul = new ConsulDouble();
        prefix = "config/faults-" + TESTS.incrementAndGet() + "/";
    }

    @AfterEach
    void stop() {
        consul.close();
    }

    private ConsulStore store(Map<String, String> options) {
        return ConsulTargets.open(ConsulTargets.spec(consul.url(), prefix, Layout.KEYS, options));
    }

    private static StoreState keys(int n, String value, String id) {
        Map<String, String> entries = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            entries.put("app.k" + i, value + i);
        }
        StoreContent content = StoreContent.Keys.of(entries);
        return StoreState.of(content, DeployedRecord.of(content, "c0ffee", id, Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void aPlanAboveMaxTxnOpsIsSeveralTransactionsAndSaysReadersMaySeeAMix() {
        try (ConsulStore store = store(Map.of(ConsulSettings.MAX_TXN_OPS, "8"))) {
            StoreState desired = keys(20, "v", "run-1");
            store.read();

            assertThat(store.transactionNote(desired)).contains("applied in 3 transactions: readers may see a mix");
            store.apply(desired, store.read());

            assertThat(consul.requests("PUT /v1/txn")).isEqualTo(3);
            assertThat(store.verify(desired).matches()).isTrue();
        }
    }

    @Test
    void aConcurrentWriterBeforeTheSecondTransactionRollsItBackAndTheFirstIsRestored() {
        try (ConsulStore store = store(Map.of(ConsulSettings.MAX_TXN_OPS, "8"))) {
            StoreState old = keys(20, "old", "run-1");
            store.apply(old, store.read());
            StoreState before = store.read();
            consul.resetCounts();
            consul.beforeTxn(5, () -> consul.put(prefix + "app/k15", "theirs"));

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(keys(20, "new", "run-2"), before));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT);
            assertThat(e.problem()).contains("transaction 2 of 3 failed").contains("cas " + prefix + "app/k15")
                    .contains("were restored").contains("readers may see a mix").doesNotContain("theirs");
            Map<String, String> now = consul.under(prefix);
            assertThat(now).containsEntry(prefix + "app/k0", "old0").containsEntry(prefix + "app/k15", "theirs");
            assertThat(now.values()).noneMatch(v -> v.startsWith("new"));
        }
    }

    @Test
    void deletesAreExactKeysNeverAPrefixMatch() {
        try (ConsulStore store = store(Map.of())) {
            StoreContent two = StoreContent.Keys.of(Map.of("foo_bar", "1", "foo_bar_v2", "2"));
            store.apply(StoreState.of(two, DeployedRecord.of(two, "c", "run-1", Instant.EPOCH)), store.read());
            StoreContent one = StoreContent.Keys.of(Map.of("foo_bar_v2", "2"));

            store.apply(StoreState.of(one, DeployedRecord.of(one, "c", "run-2", Instant.EPOCH)), store.read());

            assertThat(consul.under(prefix)).containsOnlyKeys(prefix + "foo_bar_v2");
        }
    }

    @Test
    void a500DuringTheOnlyTransactionWritesNothingAndSaysSo() {
        try (ConsulStore store = store(Map.of())) {
            consul.fail("/v1/txn", 500, "rpc error: internal", 1);

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(keys(3, "v", "run-1"), store.read()));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
            assertThat(e.problem()).contains("HTTP 500").contains("nothing was written");
            assertThat(consul.under(prefix)).isEmpty();
        }
    }

    @Test
    void noClusterLeaderIsUnavailableWithAHintAndFailsTheReachableCheck() {
        try (ConsulStore store = store(Map.of())) {
            consul.leader(false);

            StoreException e = catchThrowableOfType(StoreException.class, store::read);
            StoreCheck check = store.check();

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
            assertThat(e.problem()).contains("no cluster leader");
            assertThat(check.reachable().status()).isEqualTo(StoreCheck.Status.FAILED);
        }
    }

    @Test
    void aReadOnlyTokenIsUnauthorizedOnWriteAndTheTokenNeverAppearsInMessages() {
        consul.acl(Map.of("s3cr3t-read", ConsulDouble.Access.READ, "s3cr3t-write", ConsulDouble.Access.WRITE));
        try (ConsulStore reader = store(Map.of(ConsulSettings.TOKEN, "s3cr3t-read"));
             ConsulStore writer = store(Map.of(ConsulSettings.TOKEN, "s3cr3t-write"))) {
            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> reader.apply(keys(2, "v", "run-1"), reader.read()));
            StoreCheck readerCheck = reader.check();
            StoreCheck writerCheck = writer.check();

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAUTHORIZED);
            assertThat(e.getMessage() + e.hint()).doesNotContain("s3cr3t");
            assertThat(readerCheck.authenticated().status()).isEqualTo(StoreCheck.Status.OK);
            assertThat(readerCheck.canWrite().status()).isEqualTo(StoreCheck.Status.FAILED);
            assertThat(writerCheck.passed()).as("%s", writerCheck).isTrue();
            assertThat(consul.under(prefix)).isEmpty();
        }
    }

    @Test
    void anUnknownTokenFailsTheTokenCheck() {
        consul.acl(Map.of("good", ConsulDouble.Access.WRITE));
        try (ConsulStore store = store(Map.of(ConsulSettings.TOKEN, "wrong"))) {
            assertThat(store.check().authenticated().status()).isEqualTo(StoreCheck.Status.FAILED);
        }
    }

    @Test
    void aTransactionAboveTheServersOpLimitIs413TooLarge() {
        consul.maxTxnOps(4);
        try (ConsulStore store = store(Map.of(ConsulSettings.MAX_TXN_OPS, "64"))) {
            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> store.apply(keys(10, "v", "run-1"), store.read()));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_LARGE);
            assertThat(e.hint()).contains("max_txn_ops");
        }
    }

    @Test
    void aDroppedConnectionIsUnavailable() {
        try (ConsulStore store = store(Map.of())) {
            consul.reset("/v1/kv", 5);

            StoreException e = catchThrowableOfType(StoreException.class, store::read);

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
        }
    }
}
