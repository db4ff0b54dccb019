package io.configcicd.core.security.external;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@code ${aws-sm:NAME#KEY}} and {@code ${aws-sm:NAME}}: a secret of AWS Secrets Manager, read with the AWS SDK
 * v2 ({@code GetSecretValue}). With {@code #KEY} the secret's {@code SecretString} must be a JSON object and
 * the value is its member {@code KEY}; without it the value is the whole {@code SecretString}. {@code NAME}
 * is a secret name or ARN.
 *
 * <p>Settings come from the environment given to the constructor: {@code AWS_REGION} (default
 * {@value #DEFAULT_REGION}), the endpoint override {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or
 * {@code AWS_ENDPOINT_URL}, and credentials {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}
 * ({@code AWS_SESSION_TOKEN}) when both are set, the SDK's default chain otherwise. The SDK client is built
 * on the first reference resolved, because SDK start-up is slow and most commands never need it. It uses
 * the JDK's URL connection (no Netty, no Apache client).
 *
 * <p>Each secret is fetched once per instance. Not found is bad input; access denied, other AWS errors and
 * network failures are external errors. Messages name the secret and key, never a value.
 */
public final class AwsSecretsManagerResolver implements SecretResolver {

    /** Region used when {@code AWS_REGION} is not set. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> env;
    private final Supplier<AwsCredentialsProvider> credentials;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Map<String, String> cache = new HashMap<>();
    private SecretsManagerClient client;

    /** Settings and credentials from {@code env}; connect timeout 5 s, request timeout 10 s. */
    public AwsSecretsManagerResolver(Map<String, String> env) {
        this(env, null, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    /**
     * @param credentials the credentials to sign with, or {@code null} for {@code AWS_ACCESS_KEY_ID} /
     *                    {@code AWS_SECRET_ACCESS_KEY} from {@code env} or else the SDK's default chain
     */
    public AwsSecretsManagerResolver(Map<String, String> env, AwsCredentialsProvider credentials,
                                     Duration connectTimeout, Duration requestTimeout) {
        this.env = Map.copyOf(env);
        this.credentials = credentials != null ? () -> credentials : () -> credentialsFrom(this.env);
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public String scheme() {
        return "aws-sm";
    }

    @Override
    public String resolve(String reference) {
        SecretReference ref = SecretReference.parse(scheme(), reference);
        String secretString = fetch(ref.path());
        if (ref.key().isEmpty()) {
            return secretString;
        }
        Map<String, String> fields = SecretFields.parse(secretString).filter(n -> n.isObject())
                .map(SecretFields::fields).orElseThrow(() -> ConfigCicdException.badInput(
                        "AWS secret '" + ref.path() + "' is not a JSON object, so " + ref.display()
                                + " cannot pick key '" + ref.key().get() + "'",
                        "store the secret as key/value JSON, or write ${aws-sm:" + ref.path() + "} for the whole value"));
        return SecretFields.pick(fields, ref, "AWS secret '" + ref.path() + "'");
    }

    /** Whether the SDK client has been built: only resolving a reference builds it. */
    synchronized boolean started() {
        return client != null;
    }

    private synchronized String fetch(String name) {
        String cached = cache.get(name);
        if (cached == null) {
            cached = read(name);
            cache.put(name, cached);
        }
        return cached;
    }

    private String read(String name) {
        GetSecretValueResponse response;
        try {
            response = client().getSecretValue(b -> b.secretId(name));
        } catch (ResourceNotFoundException e) {
            throw ConfigCicdException.badInput("no AWS secret '" + name + "' in region " + region(),
                    "check the secret name (or ARN), AWS_REGION and the endpoint");
        } catch (AwsServiceException e) {
            throw serviceError(name, e);
        } catch (SdkException e) {
            throw clientError(name, e);
        }
        if (response.secretString() == null) {
            throw ConfigCicdException.badInput("AWS secret '" + name + "' holds binary data, not a SecretString",
                    "only string secrets can be referenced");
        }
        return response.secretString();
    }

    private ConfigCicdException serviceError(String name, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        if (code.contains("AccessDenied") || e.statusCode() == 403) {
            return ConfigCicdException.external("permission denied reading AWS secret '" + name + "' (" + code + ")",
                    "allow secretsmanager:GetSecretValue (and kms:Decrypt) on it for the credentials in use", e);
        }
        return ConfigCicdException.external("AWS Secrets Manager failed to read '" + name + "': " + code
                + " (HTTP " + e.statusCode() + ")", "", e);
    }

    /**
     * A failure on our side of the wire. Only network failures keep their message and cause: a response the
     * SDK could not parse would quote the response, and the response is the secret.
     */
    private ConfigCicdException clientError(String name, SdkException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = endpoint().map(u -> " at " + u).orElse(" in " + region());
        if (root instanceof IOException io) {
            return ConfigCicdException.external("cannot reach AWS Secrets Manager" + where + " to read '" + name
                    + "': " + io.getClass().getSimpleName() + " (" + io.getMessage() + ")",
                    "check the network, AWS_REGION and AWS_ENDPOINT_URL", e);
        }
        return ConfigCicdException.external("AWS Secrets Manager" + where + " failed to read '" + name + "': "
                + e.getClass().getSimpleName(), "", null);
    }

    private synchronized SecretsManagerClient client() {
        if (client == null) {
            SecretsManagerClientBuilder b = SecretsManagerClient.builder()
                    .region(Region.of(region()))
                    .credentialsProvider(credentials.get())
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(connectTimeout).socketTimeout(requestTimeout))
                    .overrideConfiguration(o -> o.apiCallTimeout(requestTimeout.multipliedBy(2))
                            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build()));
            endpoint().ifPresent(b::endpointOverride);
            client = b.build();
        }
        return client;
    }

    private String region() {
        return setting("AWS_REGION").or(() -> setting("AWS_DEFAULT_REGION")).orElse(DEFAULT_REGION);
    }

    private Optional<URI> endpoint() {
        Optional<String> url = setting("AWS_ENDPOINT_URL_SECRETS_MANAGER").or(() -> setting("AWS_ENDPOINT_URL"));
        try {
            return url.map(URI::create);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("the AWS endpoint '" + url.get() + "' is not a URL",
                    "set AWS_ENDPOINT_URL_SECRETS_MANAGER or AWS_ENDPOINT_URL to a URL such as http://127.0.0.1:4566");
        }
    }

    private Optional<String> setting(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static AwsCredentialsProvider credentialsFrom(Map<String, String> env) {
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || secret == null || id.isBlank() || secret.isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        String session = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(session == null || session.isBlank()
                ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, session));
    }
}
