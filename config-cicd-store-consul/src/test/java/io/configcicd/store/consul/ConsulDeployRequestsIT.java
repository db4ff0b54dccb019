package io.configcicd.store.consul;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsulDeployRequestsIT {

    @Test
    void aTenThousandKeyDeployTakesOneTransactionPerSixtyThreeKeysPlusFourReadsAndARedeployOnlyReads() {
        ConsulDeployRequests.Numbers n = ConsulDeployRequests.measure(10_000, 64);

        // each transaction carries 63 keys and the check of the deployed record: ceil(10000/63) = 159
        assertThat(n.deployTxns()).isEqualTo(159);
        // 2 GETs to read (prefix, record), 2 to verify
        assertThat(n.deployRequests()).isEqualTo(159 + 4);
        assertThat(n.redeployWrites()).isZero();
        assertThat(n.redeployRequests()).isEqualTo(2);
    }
}
