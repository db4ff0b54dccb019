package io.configcicd.store.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consul target over HTTPS with certificate verification (a self-signed certificate made at test time, trusted
 * only through {@code ca_file}) and with a {@code datacenter}, against the Consul double.
 */
class ConsulTlsAndDatacenterIT {

    private static final String TOKEN = "consul-acl-token-5512";

    @TempDir
    static Path tmp;

    private static SelfSignedTls tls;
    private static ConsulDouble https;

    @BeforeAll
    static void start() throws Exception {
        tls = SelfSignedTls.create(tmp);
        https = new ConsulDouble(tls.server());
    }

    @AfterAll
    static void stop() {
        https.close();
    }

    private static StoreState desired(String value) {
        StoreContent content = StoreContent.Keys.of(Map.of("kgot.num_next_steps_decision", value, "db.url", "jdbc:x"));
        return StoreState.of(content, DeployedRecord.of(content, "c0ffee", "run-" + value,
                Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void withoutCaFileTheSelfSignedCertificateIsNotTrustedAndTheStoreRefusesWithAHintAndWithoutTheToken() {
        try (ConsulStore store = ConsulTargets.open(ConsulTargets.spec(https.url(), "config/untrusted/", Layout.KEYS,
                Map.of(ConsulSettings.TOKEN, TOKEN)))) {
            StoreException e = catchThrowableOfType(StoreException.class, store::read);

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
            assertThat(e.getMessage()).contains("TLS").contains("certificate not trusted").doesNotContain(TOKEN);
            assertThat(e.hint()).contains("ca_file");
            assertThat(https.under("config/untrusted/")).isEmpty();
        }
    }

    @Test
    void withCaFileTheStoreVerifiesTheCertificateAndReadsAndWrites() {
        try (ConsulStore store = ConsulTargets.open(ConsulTargets.spec(https.url(), "config/trusted/", Layout.KEYS,
                Map.of(ConsulSettings.TOKEN, TOKEN, ConsulSettings.CA_FILE, tls.caFile().toString())))) {
            StoreState desired = desired("5");
            store.apply(desired, store.read());

            assertThat(store.read().sameAs(desired)).isTrue();
            assertThat(https.under("config/trusted/")).containsEntry("config/trusted/kgot/num_next_steps_decision", "5");
        }
    }

    @Test
    void aDatacenterIsSentAsDcOnEveryRequestOfAReadAWriteAndARestore() {
        try (ConsulDouble consul = new ConsulDouble();
             ConsulStore store = ConsulTargets.open(ConsulTargets.spec(consul.url(), "config/dc/", Layout.KEYS,
                     Map.of(ConsulSettings.DATACENTER, "dc2")))) {
            StoreState before = store.read();
            store.apply(desired("1"), before);
            store.apply(desired("2"), store.read());
            store.apply(before, store.read());

            List<String> queries = consul.queries();
            assertThat(queries).hasSizeGreaterThan(6)
                    .anySatisfy(q -> assertThat(q).startsWith("PUT /v1/txn?"))
                    .anySatisfy(q -> assertThat(q).startsWith("GET /v1/kv/"))
                    .allSatisfy(q -> assertThat(q).containsPattern("[?&]dc=dc2(&|$)"));
        }
    }
}
