package io.configcicd.store.appconfig;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreProvider;
import io.configcicd.core.store.TargetSpec;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.AppConfigClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * {@code type: aws-appconfig} (ARCHITECTURE 3a): options {@code application} (required), {@code environment}
 * (default the environment's name), {@code profile} (default {@code config}), {@code strategy} (default
 * {@code AppConfig.AllAtOnce}), {@code create}, {@code region}, {@code endpoint}, {@code timeout} (default 30m) and
 * {@code poll_interval} (default 5s). Layout {@code document} only. Hosted configurations hold at most 1 MB, the
 * limit {@code max_bytes} cannot exceed. Credentials come from the AWS SDK's default chain (environment, profile,
 * web identity for GitHub OIDC, instance role). Opening builds the SDK clients (JDK URL-connection HTTP, no
 * thread of ours) and does not call AWS. A deployment's progress (DEPLOYING n%, BAKING) goes to the context's
 * progress listener.
 */
public final class AppConfigStoreProvider implements StoreProvider {

    public static final String TYPE = "aws-appconfig";
    /** AppConfig's limit on one hosted configuration version (the default quota: 1 MB). */
    public static final long HOSTED_LIMIT_BYTES = 1_000_000L;

    private final Sleeper sleeper;

    /** The provider ServiceLoader finds: waits between polls really sleep. */
    public AppConfigStoreProvider() {
        this(Sleeper.REAL);
    }

    /** A provider whose waits go to {@code sleeper} (tests move a clock instead). */
    AppConfigStoreProvider(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Layout defaultLayout() {
        return Layout.DOCUMENT;
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of(AppConfigSettings.REGION, AppConfigSettings.ENDPOINT, AppConfigSettings.APPLICATION,
                AppConfigSettings.ENVIRONMENT, AppConfigSettings.PROFILE, AppConfigSettings.STRATEGY,
                AppConfigSettings.CREATE, AppConfigSettings.TIMEOUT, AppConfigSettings.POLL_INTERVAL);
    }

    @Override
    public Map<String, String> optionDefaults() {
        return Map.of(AppConfigSettings.ENVIRONMENT, AppConfigSettings.DEFAULT_ENVIRONMENT,
                AppConfigSettings.PROFILE, AppConfigSettings.DEFAULT_PROFILE,
                AppConfigSettings.STRATEGY, AppConfigSettings.DEFAULT_STRATEGY);
    }

    @Override
    public long storeLimitBytes() {
        return HOSTED_LIMIT_BYTES;
    }

    @Override
    public ConfigStore open(TargetSpec spec, StoreContext context) {
        return open(spec, context, sleeper, context.progress());
    }

    /** The store with a replaceable sleeper and a progress listener (tests). */
    static AppConfigStore open(TargetSpec spec, StoreContext context, Sleeper sleeper, Consumer<String> progress) {
        AppConfigSettings settings = AppConfigSettings.of(spec);
        AppConfigClient appconfig;
        StsClient sts;
        try {
            AppConfigClientBuilder a = AppConfigClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
            StsClientBuilder s = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
            settings.region().map(Region::of).ifPresent(r -> {
                a.region(r);
                s.region(r);
            });
            settings.endpoint().ifPresent(e -> {
                a.endpointOverride(e);
                s.endpointOverride(e);
            });
            appconfig = a.build();
            sts = s.build();
        } catch (SdkException e) {
            throw AppConfigErrors.translate(settings, "building the AWS clients (region, credentials)", e);
        }
        return new AppConfigStore(spec, settings, new AppConfigApi(settings, appconfig, sts), context.clock(),
                sleeper, progress);
    }
}
