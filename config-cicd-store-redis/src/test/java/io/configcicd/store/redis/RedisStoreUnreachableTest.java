package io.configcicd.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing listens on the port: UNAVAILABLE, with the URL's password masked everywhere. */
class RedisStoreUnreachableTest {

    private static final String PASSWORD = "p4ss-in-the-url";

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static ConfigStore open(int port) {
        return new RedisStoreProvider().open(RedisTargets.spec("redis://deployer:" + PASSWORD + "@127.0.0.1:" + port
                + "/2", "config:x", Layout.KEYS, Map.of(RedisSettings.TIMEOUT, "500ms")), RedisTargets.CONTEXT);
    }

    @Test
    void aConnectionRefusedIsUnavailableNamingTheServerWithoutItsPassword() throws IOException {
        int port = closedPort();
        try (ConfigStore store = open(port)) {
            StoreException e = catchThrowableOfType(StoreException.class, store::read);

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
            assertThat(e.problem()).contains("cannot reach redis at redis://127.0.0.1:" + port + "/2");
            assertThat(e.getMessage() + e.problem() + e.hint() + e.getCause()).doesNotContain(PASSWORD, "deployer:");
            assertThat(e.getCause().getClass().getName()).doesNotStartWith("redis.clients");
        }
    }

    @Test
    void checkOfAnUnreachableServerFailsReachableAndSkipsTheRest() throws IOException {
        try (ConfigStore store = open(closedPort())) {
            StoreCheck check = store.check();

            assertThat(check.reachable().status()).isEqualTo(StoreCheck.Status.FAILED);
            assertThat(check.authenticated().status()).isEqualTo(StoreCheck.Status.SKIPPED);
            assertThat(check.canWrite().status()).isEqualTo(StoreCheck.Status.SKIPPED);
            assertThat(check.toString()).doesNotContain(PASSWORD);
        }
    }
}
