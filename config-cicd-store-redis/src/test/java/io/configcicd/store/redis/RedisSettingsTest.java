package io.configcicd.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.store.Layout;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.SslVerifyMode;

class RedisSettingsTest {

    private static RedisSettings settings(String url, Map<String, String> options) {
        return RedisSettings.of(RedisTargets.spec(url, "config:production", Layout.KEYS, options));
    }

    @Test
    void aPlainUrlGivesHostPortDatabaseNoTlsAndTheDefaultChannelAndTimeout() {
        RedisSettings s = settings("redis://cache.internal:6380/3", Map.of());

        assertThat(s.host()).isEqualTo("cache.internal");
        assertThat(s.port()).isEqualTo(6380);
        assertThat(s.database()).isEqualTo(3);
        assertThat(s.tls()).isFalse();
        assertThat(s.channel()).isEqualTo("config:production:changes");
        assertThat(s.metaKey()).isEqualTo("config:production:meta");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void redissVerifiesCertificatesUnlessInsecureSkipTlsVerifyIsTrue() {
        JedisClientConfig verified = RedisClients.clientConfig(settings("rediss://cache:6380/0", Map.of()));
        JedisClientConfig insecure = RedisClients.clientConfig(settings("rediss://cache:6380/0",
                Map.of(RedisSettings.INSECURE_SKIP_TLS_VERIFY, "true")));

        assertThat(verified.isSsl()).isTrue();
        assertThat(verified.getSslOptions().getSslVerifyMode()).isEqualTo(SslVerifyMode.FULL);
        assertThat(insecure.getSslOptions().getSslVerifyMode()).isEqualTo(SslVerifyMode.INSECURE);
        assertThat(settings("rediss://cache:6380/0", Map.of(RedisSettings.INSECURE_SKIP_TLS_VERIFY, "true")).toString())
                .contains("TLS NOT VERIFIED");
    }

    @Test
    void usernameAndPasswordOptionsWinOverTheUrlsUserInfoAndNeverShowInToStringOrTheMaskedUrl() {
        RedisSettings fromUrl = settings("redis://deployer:url-pw@cache:6379/0", Map.of());
        RedisSettings fromOptions = settings("redis://deployer:url-pw@cache:6379/0",
                Map.of(RedisSettings.USERNAME, "ci", RedisSettings.PASSWORD, "option-pw"));

        assertThat(fromUrl.username()).contains("deployer");
        assertThat(fromUrl.password()).contains("url-pw");
        assertThat(fromOptions.username()).contains("ci");
        assertThat(fromOptions.password()).contains("option-pw");
        assertThat(fromUrl.toString() + fromUrl.maskedUrl()).doesNotContain("url-pw");
        assertThat(fromOptions.toString()).doesNotContain("option-pw", "url-pw");
    }

    @Test
    void aPasswordWithoutAUserComesFromColonPasswordAt() {
        RedisSettings s = settings("redis://:only-pw@cache", Map.of());

        assertThat(s.username()).isEmpty();
        assertThat(s.password()).contains("only-pw");
        assertThat(s.port()).isEqualTo(RedisSettings.DEFAULT_PORT);
        assertThat(s.database()).isZero();
    }

    @Test
    void timeoutsAreSecondsOrMilliseconds() {
        assertThat(settings("redis://c", Map.of(RedisSettings.TIMEOUT, "250ms")).timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings("redis://c", Map.of(RedisSettings.TIMEOUT, "2s")).timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void badOptionsAreBadInputNamingTheOptionButNotTheUrlsPassword() {
        ConfigCicdException scheme = catchThrowableOfType(ConfigCicdException.class,
                () -> settings("http://user:secret-pw@cache:6379", Map.of()));
        ConfigCicdException db = catchThrowableOfType(ConfigCicdException.class,
                () -> settings("redis://user:secret-pw@cache:6379/x", Map.of()));
        ConfigCicdException timeout = catchThrowableOfType(ConfigCicdException.class,
                () -> settings("redis://cache", Map.of(RedisSettings.TIMEOUT, "soon")));
        ConfigCicdException tls = catchThrowableOfType(ConfigCicdException.class,
                () -> settings("rediss://cache", Map.of(RedisSettings.INSECURE_SKIP_TLS_VERIFY, "yes")));

        assertThat(scheme.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(scheme.problem()).contains("target cache", "redis://").doesNotContain("secret-pw");
        assertThat(db.problem()).contains("database").doesNotContain("secret-pw");
        assertThat(timeout.problem()).contains("timeout");
        assertThat(tls.problem()).contains(RedisSettings.INSECURE_SKIP_TLS_VERIFY);
    }

    @Test
    void aTargetWithoutUrlIsBadInputWithAnExample() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> settings("", Map.of()));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.problem()).contains("needs url");
        assertThat(e.hint()).contains("redis://");
    }
}
