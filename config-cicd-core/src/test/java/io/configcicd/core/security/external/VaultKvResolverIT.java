package io.configcicd.core.security.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VaultKvResolverIT {

    private static final String TOKEN = "s.test-token";
    private static final String PASSWORD = "db-pa55-word-value";

    private final VaultDouble vault = VaultDouble.start(TOKEN)
            .put("secret/data/db", Map.of("password", PASSWORD, "user", "app", "port", 5432))
            .put("team/kv/data/api", Map.of("key", "api-key-value"));

    @AfterEach
    void stop() {
        vault.close();
    }

    private Map<String, String> env(String token) {
        Map<String, String> env = new HashMap<>(Map.of("VAULT_ADDR", vault.address()));
        if (token != null) {
            env.put("VAULT_TOKEN", token);
        }
        return env;
    }

    private VaultKvResolver resolver() {
        return new VaultKvResolver(env(TOKEN));
    }

    @Test
    void readsAFieldByTheFriendlyPathAndByTheApiPath() {
        VaultKvResolver r = resolver();
        assertThat(r.scheme()).isEqualTo("vault");
        assertThat(r.resolve("secret/db#password")).isEqualTo(PASSWORD);
        assertThat(r.resolve("secret/data/db#user")).isEqualTo("app");
        assertThat(r.resolve("secret/db#port")).isEqualTo("5432");
        assertThat(r.resolve("team/kv/data/api#key")).isEqualTo("api-key-value");
    }

    @Test
    void insertsDataAfterTheMountUnlessThePathHasADataSegment() {
        assertThat(VaultKvResolver.apiPath("secret/db")).isEqualTo("secret/data/db");
        assertThat(VaultKvResolver.apiPath("secret/app/db")).isEqualTo("secret/data/app/db");
        assertThat(VaultKvResolver.apiPath("/secret/data/db")).isEqualTo("secret/data/db");
        assertThat(VaultKvResolver.apiPath("team/kv/data/db")).isEqualTo("team/kv/data/db");
        assertThat(VaultKvResolver.apiPath("data/db")).isEqualTo("data/data/db");
        assertThatThrownBy(() -> VaultKvResolver.apiPath("secret")).hasMessageContaining("has no secret name");
    }

    @Test
    void fetchesEachPathOncePerResolver() {
        VaultKvResolver r = resolver();
        r.resolve("secret/db#password");
        r.resolve("secret/db#user");
        r.resolve("secret/data/db#password");
        assertThat(vault.requests("secret/data/db")).isEqualTo(1);
        new VaultKvResolver(env(TOKEN)).resolve("secret/db#password");
        assertThat(vault.requests("secret/data/db")).isEqualTo(2);
    }

    @Test
    void sendsTheNamespaceWhenOneIsSet() {
        Map<String, String> env = env(TOKEN);
        env.put("VAULT_NAMESPACE", "team-a");
        new VaultKvResolver(env).resolve("secret/db#user");
        assertThat(vault.lastNamespace()).contains("team-a");
    }

    @Test
    void missingTokenIsBadInputNamingVaultTokenAndAsksNothing() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> new VaultKvResolver(env(null)).resolve("secret/db#password"));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.getMessage()).contains("VAULT_TOKEN").contains("secret/data/db");
        assertThat(vault.requests()).isZero();
    }

    @Test
    void wrongTokenIsPermissionDeniedForThePath() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> new VaultKvResolver(env("s.wrong")).resolve("secret/db#password"));
        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(e.getMessage()).contains("permission denied").contains("secret/data/db");
        Leaks.assertNoSecretIn(e, "s.wrong", TOKEN);
    }

    @Test
    void missingFieldNamesPathAndKeyButNoValue() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> resolver().resolve("secret/db#pasword"));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.getMessage()).contains("secret/data/db").contains("pasword").contains("password");
        Leaks.assertNoSecretIn(e, PASSWORD, "app", TOKEN);
    }

    @Test
    void unknownPathIsBadInputNoSecretAt() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> resolver().resolve("secret/nothing#password"));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.getMessage()).contains("no secret at secret/data/nothing");
    }

    @Test
    void aReferenceWithoutAKeyOrPathIsBadInput() {
        assertThatThrownBy(() -> resolver().resolve("secret/db")).hasMessageContaining("names no field");
        assertThatThrownBy(() -> resolver().resolve("#password")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> resolver().resolve("secret/db#")).hasMessageContaining("malformed");
        assertThat(vault.requests()).isZero();
    }

    @Test
    void serverDownIsAnExternalErrorQuickly() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        VaultKvResolver r = new VaultKvResolver(Map.of("VAULT_ADDR", "http://127.0.0.1:" + closedPort,
                "VAULT_TOKEN", TOKEN), Duration.ofSeconds(2), Duration.ofSeconds(2));
        long start = System.nanoTime();
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> r.resolve("secret/db#password"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(e.getMessage()).contains("cannot reach Vault at http://127.0.0.1:" + closedPort);
        Leaks.assertNoSecretIn(e, TOKEN);
    }

    @Test
    void buildingAResolverContactsNothing() {
        new VaultKvResolver(env(TOKEN));
        new VaultKvResolver(Map.of());
        assertThat(vault.requests()).isZero();
    }
}
