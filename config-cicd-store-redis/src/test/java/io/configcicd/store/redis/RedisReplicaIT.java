package io.configcicd.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreState;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A read-only replica (of a primary that is not there): a deploy to it fails with a message that says so. */
class RedisReplicaIT {

    @RegisterExtension
    static final RedisServerExtension REPLICA = new RedisServerExtension("--replicaof", "127.0.0.1", "1");

    private ConfigStore open() {
        return new RedisStoreProvider().open(RedisTargets.spec(REPLICA.url(), "config:replica", Layout.KEYS),
                RedisTargets.CONTEXT);
    }

    @Test
    void applyingToAReadOnlyReplicaIsUnavailableNamingTheReplicaAndNothingIsWritten() {
        StoreContent content = StoreContent.Keys.of(Map.of("a.b", "1"));
        try (ConfigStore store = open()) {
            StoreState before = store.read();
            StoreException e = catchThrowableOfType(StoreException.class, () -> store.apply(
                    StoreState.of(content, DeployedRecord.of(content, "c1", "run-1", Instant.EPOCH)), before));

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
            assertThat(e.problem()).contains("read-only replica");
            assertThat(e.hint()).contains("primary");
            assertThat(store.read().isEmpty()).isTrue();
        }
    }

    @Test
    void checkOfAReplicaCanReadButNotWrite() {
        try (ConfigStore store = open()) {
            StoreCheck check = store.check();

            assertThat(check.canRead().status()).isEqualTo(StoreCheck.Status.OK);
            assertThat(check.canWrite().status()).isEqualTo(StoreCheck.Status.FAILED);
            assertThat(check.canWrite().detail()).contains("read-only replica");
        }
    }
}
