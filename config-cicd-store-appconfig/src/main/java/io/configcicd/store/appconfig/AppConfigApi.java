package io.configcicd.store.appconfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.model.DeploymentSummary;
import software.amazon.awssdk.services.appconfig.model.GetDeploymentResponse;
import software.amazon.awssdk.services.appconfig.model.GetHostedConfigurationVersionResponse;
import software.amazon.awssdk.services.appconfig.model.HostedConfigurationVersionSummary;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Every AppConfig (and STS) call of the store, on the SDK's synchronous clients: SDK types stay in this class and
 * {@link AppConfigErrors}; callers get the small records below. Each call names what it does for
 * {@link AppConfigErrors#translate}, which turns any {@link SdkException} into a {@code StoreException}.
 */
final class AppConfigApi implements AutoCloseable {

    /** The AppConfig ids of a target's application, environment and profile. */
    record Ids(String application, String environment, String profile) {
    }

    /** A hosted configuration version, content included. */
    record Version(int number, String contentType, String description, byte[] content) {
    }

    /** A deployment as AppConfig reports it; {@code state} is AppConfig's word (DEPLOYING, BAKING, COMPLETE, ...). */
    record Deployment(int number, String profileName, int version, String state, float percent) {

        boolean running() {
            return switch (state) {
                case "COMPLETE", "ROLLED_BACK", "REVERTED" -> false;
                default -> true;
            };
        }

        /** Whether the environment moves to (or holds) this deployment's version, not away from it. */
        boolean forward() {
            return !state.equals("ROLLING_BACK") && !state.equals("ROLLED_BACK") && !state.equals("REVERTED");
        }
    }

    private static final int PAGE = 50;

    private final AppConfigSettings settings;
    private final AppConfigClient appconfig;
    private final StsClient sts;

    AppConfigApi(AppConfigSettings settings, AppConfigClient appconfig, StsClient sts) {
        this.settings = settings;
        this.appconfig = appconfig;
        this.sts = sts;
    }

    /** The application's id; empty when no application has the name. */
    Optional<String> applicationId(String name) {
        return call("looking up application " + name, () -> find(token -> {
            var page = appconfig.listApplications(b -> b.maxResults(PAGE).nextToken(token));
            return new Page<>(page.items().stream().filter(a -> a.name().equals(name)).map(a -> a.id()).toList(),
                    page.nextToken());
        }));
    }

    String createApplication(String name) {
        return call("creating application " + name, () -> appconfig.createApplication(b -> b.name(name)
                .description("created by config-cicd (create: true)")).id());
    }

    Optional<String> environmentId(String applicationId, String name) {
        return call("looking up environment " + name, () -> find(token -> {
            var page = appconfig.listEnvironments(b -> b.applicationId(applicationId).maxResults(PAGE).nextToken(token));
            return new Page<>(page.items().stream().filter(e -> e.name().equals(name)).map(e -> e.id()).toList(),
                    page.nextToken());
        }));
    }

    String createEnvironment(String applicationId, String name) {
        return call("creating environment " + name, () -> appconfig.createEnvironment(b -> b
                .applicationId(applicationId).name(name).description("created by config-cicd (create: true)")).id());
    }

    Optional<String> profileId(String applicationId, String name) {
        return call("looking up configuration profile " + name, () -> find(token -> {
            var page = appconfig.listConfigurationProfiles(b -> b.applicationId(applicationId).maxResults(PAGE)
                    .nextToken(token));
            return new Page<>(page.items().stream().filter(p -> p.name().equals(name)).map(p -> p.id()).toList(),
                    page.nextToken());
        }));
    }

    String createProfile(String applicationId, String name) {
        return call("creating configuration profile " + name, () -> appconfig.createConfigurationProfile(b -> b
                .applicationId(applicationId).name(name).locationUri("hosted").type("AWS.Freeform")
                .description("created by config-cicd (create: true)")).id());
    }

    /** The deployments of the environment for this target's profile, newest first. */
    List<Deployment> deployments(Ids ids) {
        return call("listing the deployments of environment " + settings.environment(), () -> {
            List<Deployment> out = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                var page = appconfig.listDeployments(b -> b.applicationId(ids.application())
                        .environmentId(ids.environment()).maxResults(PAGE).nextToken(t));
                for (DeploymentSummary d : page.items()) {
                    if (settings.profile().equals(d.configurationName())) {
                        out.add(new Deployment(d.deploymentNumber(), d.configurationName(),
                                versionNumber(d.configurationVersion()), d.stateAsString(), percent(d.percentageComplete())));
                    }
                }
                token = page.nextToken();
            } while (token != null);
            out.sort(Comparator.comparingInt(Deployment::number).reversed());
            return out;
        });
    }

    Deployment deployment(Ids ids, int number) {
        return call("reading deployment #" + number, () -> {
            GetDeploymentResponse d = appconfig.getDeployment(b -> b.applicationId(ids.application())
                    .environmentId(ids.environment()).deploymentNumber(number));
            return new Deployment(d.deploymentNumber(), d.configurationName(), versionNumber(d.configurationVersion()),
                    d.stateAsString(), percent(d.percentageComplete()));
        });
    }

    /** The highest hosted version number of the profile; 0 when it has none. */
    int latestVersion(Ids ids) {
        return call("listing the hosted versions of profile " + settings.profile(), () -> {
            int latest = 0;
            String token = null;
            do {
                String t = token;
                var page = appconfig.listHostedConfigurationVersions(b -> b.applicationId(ids.application())
                        .configurationProfileId(ids.profile()).maxResults(PAGE).nextToken(t));
                for (HostedConfigurationVersionSummary v : page.items()) {
                    latest = Math.max(latest, v.versionNumber());
                }
                token = page.nextToken();
            } while (token != null);
            return latest;
        });
    }

    Version version(Ids ids, int number) {
        return call("reading hosted version " + number, () -> {
            GetHostedConfigurationVersionResponse v = appconfig.getHostedConfigurationVersion(b -> b
                    .applicationId(ids.application()).configurationProfileId(ids.profile()).versionNumber(number));
            return new Version(v.versionNumber(), v.contentType(), v.description() == null ? "" : v.description(),
                    v.content() == null ? new byte[0] : v.content().asByteArray());
        });
    }

    /** Creates a hosted version if the profile's latest version is still {@code latest} (0: none yet). */
    int createVersion(Ids ids, byte[] content, String contentType, String description, String label, int latest) {
        return call("creating a hosted configuration version", () -> appconfig.createHostedConfigurationVersion(b -> b
                .applicationId(ids.application()).configurationProfileId(ids.profile())
                .content(SdkBytes.fromByteArray(content)).contentType(contentType).description(description)
                .versionLabel(label).latestVersionNumber(latest > 0 ? latest : null)).versionNumber());
    }

    Deployment startDeployment(Ids ids, int version, String strategyId, String description) {
        return call("starting a deployment of version " + version, () -> {
            var d = appconfig.startDeployment(b -> b.applicationId(ids.application()).environmentId(ids.environment())
                    .configurationProfileId(ids.profile()).configurationVersion(Integer.toString(version))
                    .deploymentStrategyId(strategyId).description(description));
            return new Deployment(d.deploymentNumber(), d.configurationName(), versionNumber(d.configurationVersion()),
                    d.stateAsString(), percent(d.percentageComplete()));
        });
    }

    void stopDeployment(Ids ids, int number) {
        call("stopping deployment #" + number, () -> appconfig.stopDeployment(b -> b.applicationId(ids.application())
                .environmentId(ids.environment()).deploymentNumber(number)));
    }

    /** The id of a deployment strategy: a predefined one ({@code AppConfig.*}) is its own id, others by name. */
    Optional<String> strategyId(String nameOrId) {
        if (nameOrId.startsWith("AppConfig.")) {
            return Optional.of(nameOrId);
        }
        return call("looking up deployment strategy " + nameOrId, () -> find(token -> {
            var page = appconfig.listDeploymentStrategies(b -> b.maxResults(PAGE).nextToken(token));
            return new Page<>(page.items().stream().filter(s -> s.name().equals(nameOrId) || s.id().equals(nameOrId))
                    .map(s -> s.id()).toList(), page.nextToken());
        }));
    }

    void getApplication(String id) {
        call("reading the application", () -> appconfig.getApplication(b -> b.applicationId(id)));
    }

    void getEnvironment(Ids ids) {
        call("reading the environment", () -> appconfig.getEnvironment(b -> b.applicationId(ids.application())
                .environmentId(ids.environment())));
    }

    void getProfile(Ids ids) {
        call("reading the configuration profile", () -> appconfig.getConfigurationProfile(b -> b
                .applicationId(ids.application()).configurationProfileId(ids.profile())));
    }

    /** The caller's ARN (STS GetCallerIdentity). */
    String callerArn() {
        return call("asking STS for the caller's identity", () -> sts.getCallerIdentity().arn());
    }

    @Override
    public void close() {
        try {
            appconfig.close();
        } finally {
            sts.close();
        }
    }

    private record Page<T>(List<T> matches, String next) {
    }

    /** The first match over every page. */
    private static <T> Optional<T> find(Function<String, Page<T>> fetch) {
        String token = null;
        do {
            Page<T> page = fetch.apply(token);
            if (!page.matches().isEmpty()) {
                return Optional.of(page.matches().get(0));
            }
            token = page.next();
        } while (token != null);
        return Optional.empty();
    }

    private static int versionNumber(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static float percent(Float p) {
        return p == null ? 0f : p;
    }

    private <T> T call(String doing, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AppConfigErrors.translate(settings, doing, e);
        }
    }
}
