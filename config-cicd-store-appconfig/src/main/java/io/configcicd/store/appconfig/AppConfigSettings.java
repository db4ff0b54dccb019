package io.configcicd.store.appconfig;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.TargetSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An aws-appconfig target's options, parsed once when the store is opened: the {@code region} (else the SDK's
 * default region chain), an {@code endpoint} override (tests, VPC endpoints), the {@code application},
 * {@code environment} and {@code profile} by name, the deployment {@code strategy}, whether missing ones are
 * created ({@code create: true}), how long a deployment may take to reach COMPLETE ({@code timeout}) and how often
 * it is polled ({@code poll_interval}). Bad options are bad input (exit 2) naming the option. The {@code keys}
 * layout is refused: AppConfig holds one hosted document per profile version.
 */
record AppConfigSettings(String target, Optional<String> region, Optional<URI> endpoint, String application,
                         String environment, String profile, String strategy, boolean create, Duration timeout,
                         Duration pollInterval) {

    static final String REGION = "region";
    static final String ENDPOINT = "endpoint";
    static final String APPLICATION = "application";
    static final String ENVIRONMENT = "environment";
    static final String PROFILE = "profile";
    static final String STRATEGY = "strategy";
    static final String CREATE = "create";
    static final String TIMEOUT = "timeout";
    static final String POLL_INTERVAL = "poll_interval";
    static final String DEFAULT_ENVIRONMENT = "{environment}";
    static final String DEFAULT_PROFILE = "config";
    static final String DEFAULT_STRATEGY = "AppConfig.AllAtOnce";
    /** AppConfig.AllAtOnce bakes for 10 minutes before COMPLETE; a linear strategy takes longer. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);


    AppConfigSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** The settings of a target whose {@code ${VAR}} references the engine has already resolved. */
    static AppConfigSettings of(TargetSpec spec) {
        String name = spec.name();
        if (spec.layout() == Layout.KEYS) {
            throw bad(name, "an aws-appconfig target holds one hosted configuration document per version; layout: keys"
                    + " has no AppConfig equivalent", "remove layout: keys (document is the default), and choose the"
                    + " document's format with format: json or format: yaml");
        }
        String application = required(spec, APPLICATION, "add application: <the AppConfig application's name>");
        return new AppConfigSettings(name, spec.option(REGION).map(String::trim).filter(r -> !r.isEmpty()),
                spec.option(ENDPOINT).map(String::trim).filter(e -> !e.isEmpty()).map(e -> endpoint(name, e)),
                application,
                spec.option(ENVIRONMENT).filter(e -> !e.isBlank()).orElse(spec.environment()),
                spec.option(PROFILE).filter(p -> !p.isBlank()).orElse(DEFAULT_PROFILE),
                spec.option(STRATEGY).filter(s -> !s.isBlank()).orElse(DEFAULT_STRATEGY),
                spec.flag(CREATE, "write " + CREATE + ": true"), spec.duration(TIMEOUT, DEFAULT_TIMEOUT),
                spec.duration(POLL_INTERVAL, DEFAULT_POLL_INTERVAL));
    }

    /** application/environment/profile, for messages. */
    String where() {
        return "application " + application + ", environment " + environment + ", profile " + profile;
    }

    /** AppConfig's content type of the format's media type ({@code application/x-yaml} for YAML, as AWS writes it). */
    static String contentTypeOf(String mediaType) {
        return mediaType.contains("yaml") ? "application/x-yaml" : mediaType;
    }

    private static String required(TargetSpec spec, String key, String hint) {
        return spec.option(key).map(String::trim).filter(v -> !v.isEmpty())
                .orElseThrow(() -> bad(spec.name(), "an aws-appconfig target needs " + key, hint));
    }

    private static URI endpoint(String name, String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw bad(name, "endpoint must be an http:// or https:// URL with a host and no user-info",
                "write endpoint: http://127.0.0.1:4566 (a test endpoint), or leave it out for AWS itself");
    }

    private static ConfigCicdException bad(String target, String problem, String hint) {
        return ConfigCicdException.badInput("target " + target + ": " + problem, hint);
    }
}
