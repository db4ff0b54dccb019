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

/** A server started with {@code --requirepass}: missing and wrong passwords are UNAUTHORIZED and never printed. */
class RedisAuthIT {

    private static final String PASSWORD = "Sup3r-s3cret-pw";

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension("--requirepass", PASSWORD);

    private ConfigStore open(String url, Map<String, String> options) {
        return new RedisStoreProvider().open(RedisTargets.spec(url, "config:auth", Layout.KEYS, options),
                RedisTargets.CONTEXT);
    }

    @Test
    void withoutAPasswordTheServersNoauthIsUnauthorizedWithAHintAboutThePassword() {
        try (ConfigStore store = open(REDIS.url(), Map.of())) {
            StoreException e = catchThrowableOfType(StoreException.class, store::read);

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAUTHORIZED);
            assertThat(e.hint()).contains("password:");
        }
    }

    @Test
    void aWrongPasswordInTheUrlIsUnauthorizedAndAppearsNowhereInTheMessage() {
        String wrong = "wr0ng-pa55word";
        try (ConfigStore store = open("redis://admin:" + wrong + "@127.0.0.1:" + REDIS.port() + "/0", Map.of())) {
            StoreException e = catchThrowableOfType(StoreException.class, store::read);

            assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAUTHORIZED);
            assertThat(e.getMessage() + e.problem() + e.hint() + e.getCause()).doesNotContain(wrong, PASSWORD);
        }
    }

    @Test
    void checkSaysReachableButNotAuthenticatedAndSkipsReadAndWrite() {
        try (ConfigStore store = open(REDIS.url(), Map.of(RedisSettings.PASSWORD, "not-it"))) {
            StoreCheck check = store.check();

            assertThat(check.passed()).isFalse();
            assertThat(check.reachable().status()).isEqualTo(StoreCheck.Status.OK);
            assertThat(check.authenticated().status()).isEqualTo(StoreCheck.Status.FAILED);
            assertThat(check.canRead().status()).isEqualTo(StoreCheck.Status.SKIPPED);
            assertThat(check.canWrite().status()).isEqualTo(StoreCheck.Status.SKIPPED);
            assertThat(check.toString()).doesNotContain("not-it");
        }
    }

    @Test
    void thePasswordOptionAuthenticatesAndTheCheckPassesEveryStep() {
        try (ConfigStore store = open(REDIS.url(), Map.of(RedisSettings.PASSWORD, PASSWORD))) {
            StoreContent content = StoreContent.Keys.of(Map.of("a.b", "1"));
            store.apply(StoreState.of(content, DeployedRecord.of(content, "c1", "run-1",
                    Instant.EPOCH)), store.read());

            assertThat(store.read().content()).isEqualTo(content);
            StoreCheck check = store.check();
            assertThat(check.passed()).as("%s", check).isTrue();
            assertThat(check.authenticated().detail()).doesNotContain(PASSWORD);
        }
    }
}
