package io.configcicd.core.security.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsSecretsManagerResolverIT {

    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret-access-key"));
    private static final String PASSWORD = "rds-pa55-value";

    private final SecretsManagerDouble aws = SecretsManagerDouble.start()
            .put("prod/db", "{\"username\":\"app\",\"password\":\"" + PASSWORD + "\",\"port\":5432}")
            .put("prod/plain", "just-a-plain-token-value")
            .put("prod/not-json", "not-json-" + PASSWORD)
            .deny("prod/locked");

    @AfterEach
    void stop() {
        aws.close();
    }

    private AwsSecretsManagerResolver resolver(Map<String, String> env) {
        return new AwsSecretsManagerResolver(env, CREDENTIALS, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private AwsSecretsManagerResolver resolver() {
        return resolver(Map.of("AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.address(), "AWS_REGION", "eu-west-1"));
    }

    @Test
    void picksAKeyOfAJsonSecretOrTakesTheWholeString() {
        AwsSecretsManagerResolver r = resolver();
        assertThat(r.scheme()).isEqualTo("aws-sm");
        assertThat(r.resolve("prod/db#password")).isEqualTo(PASSWORD);
        assertThat(r.resolve("prod/db#port")).isEqualTo("5432");
        assertThat(r.resolve("prod/plain")).isEqualTo("just-a-plain-token-value");
        assertThat(aws.authorizations()).allSatisfy(a -> assertThat(a)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-1/secretsmanager/"));
    }

    @Test
    void genericEndpointVariableAndArnsWorkToo() {
        AwsSecretsManagerResolver r = resolver(Map.of("AWS_ENDPOINT_URL", aws.address()));
        assertThat(r.resolve("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf#username"))
                .isEqualTo("app");
    }

    @Test
    void fetchesEachSecretOncePerResolver() {
        AwsSecretsManagerResolver r = resolver();
        r.resolve("prod/db#password");
        r.resolve("prod/db#username");
        r.resolve("prod/db");
        assertThat(aws.requests("prod/db")).isEqualTo(1);
    }

    @Test
    void buildsTheSdkClientOnlyWhenAReferenceIsResolved() {
        AwsSecretsManagerResolver r = resolver();
        assertThat(r.started()).isFalse();
        assertThat(aws.requests()).isZero();
        r.resolve("prod/plain");
        assertThat(r.started()).isTrue();
    }

    @Test
    void unknownSecretIsBadInputNamingIt() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> resolver().resolve("prod/nope#x"));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.getMessage()).contains("no AWS secret 'prod/nope'").contains("eu-west-1");
    }

    @Test
    void accessDeniedIsAnExternalPermissionError() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> resolver().resolve("prod/locked"));
        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(e.getMessage()).contains("permission denied").contains("prod/locked").contains("AccessDeniedException");
    }

    @Test
    void missingKeyNamesSecretAndKeyButNoValue() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> resolver().resolve("prod/db#pass"));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.getMessage()).contains("prod/db").contains("'pass'");
        Leaks.assertNoSecretIn(e, PASSWORD);
    }

    @Test
    void aKeyOnANonJsonSecretIsBadInputWithoutQuotingIt() {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class,
                () -> resolver().resolve("prod/not-json#password"));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.getMessage()).contains("not a JSON object");
        Leaks.assertNoSecretIn(e, PASSWORD, "not-json-");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void serverDownIsAnExternalErrorQuickly() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        AwsSecretsManagerResolver r = resolver(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort));
        long start = System.nanoTime();
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> r.resolve("prod/db#password"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(e.getMessage()).contains("cannot reach AWS Secrets Manager at http://127.0.0.1:" + closedPort)
                .contains("prod/db");
        Leaks.assertNoSecretIn(e, "test-secret-access-key");
    }
}
