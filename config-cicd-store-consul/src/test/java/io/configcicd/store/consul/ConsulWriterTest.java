package io.configcicd.store.consul;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a plan's operations are cut into /v1/txn transactions around the deployed record's check and write. */
class ConsulWriterTest {

    private static ConsulWriter writer(int maxTxnOps) {
        ConsulSettings settings = new ConsulSettings("kv", URI.create("http://127.0.0.1:8500"), "config/p/",
                "config-cicd/deployments/p", Optional.empty(), Optional.empty(), Optional.empty(), maxTxnOps,
                ConsulSettings.DEFAULT_MAX_TXN_BYTES, Duration.ofSeconds(1));
        return new ConsulWriter(settings, new ConsulKeys("kv", "config/p/"), new ConsulTxn(null, settings));
    }

    private static List<ConsulTxn.Op> ops(int n) {
        List<ConsulTxn.Op> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ConsulTxn.Op.cas("config/p/k" + i, "v" + i, 0));
        }
        return out;
    }

    private static List<Integer> sizes(List<ConsulWriter.Batch> batches) {
        return batches.stream().map(b -> b.ops().size()).toList();
    }

    @Test
    void aPlanThatFitsWithTheRecordsCasIsOneTransaction() {
        assertThat(sizes(writer(64).batches(ops(63)))).containsExactly(63);
        assertThat(sizes(writer(64).batches(ops(0)))).containsExactly(0);
    }

    @Test
    void aLargerPlanLeavesRoomForTheRecordsCheckInTheFirstAndItsWriteInTheLastAndPacksTheOthersFull() {
        // 64 changes + check + cas = 66 operations: 63 (+ check), then 1 (+ cas)
        assertThat(sizes(writer(64).batches(ops(64)))).containsExactly(63, 1);
        // 200 changes: 63 (+ check), 64, 64, 9 (+ cas): ceil(202/64) = 4
        assertThat(sizes(writer(64).batches(ops(200)))).containsExactly(63, 64, 64, 9);
    }

    @Test
    void tenThousandChangesTakeCeilOfTenThousandOverSixtyFourTransactions() {
        List<ConsulWriter.Batch> batches = writer(64).batches(ops(10_000));

        assertThat(batches).hasSize(157);
        assertThat(batches.get(0).ops()).hasSize(63);
        assertThat(batches.subList(1, 156)).allSatisfy(b -> assertThat(b.ops()).hasSize(64));
        assertThat(batches.get(156).ops()).hasSize(10_000 - 63 - 155 * 64).hasSizeLessThan(64);
    }
}
