package io.configcicd.store.consul;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsulDeployRequestsIT {

    @Test
    void aTenThousandKeyDeployTakesCeilOfTenThousandOverSixtyFourTransactionsPlusFourReadsAndARedeployOnlyReads() {
        ConsulDeployRequests.Numbers n = ConsulDeployRequests.measure(10_000, 64);

        // 10,000 key operations, the record's check-index in the first transaction and its cas in the last, 64 ops
        // in each: ceil(10002/64) = 157 = ceil(10000/64)
        assertThat(n.deployTxns()).isEqualTo(157);
        // 2 GETs to read (prefix, record), 2 to verify
        assertThat(n.deployRequests()).isEqualTo(157 + 4);
        assertThat(n.redeployWrites()).isZero();
        assertThat(n.redeployRequests()).isEqualTo(2);
    }
}
