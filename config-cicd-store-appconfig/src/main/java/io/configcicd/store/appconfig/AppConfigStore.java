package io.configcicd.store.appconfig;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreException.Reason;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An aws-appconfig target (ARCHITECTURE 3a): what the environment holds is the hosted configuration version of the
 * newest deployment of the profile that AppConfig did not roll back (COMPLETE, or still VALIDATING, DEPLOYING or
 * BAKING towards it); its record is in the version's description ({@link VersionDescription}).
 *
 * <p>Apply: read that state again and compare it with what the plan read (CONFLICT when it moved on); then
 * {@code CreateHostedConfigurationVersion} with {@code Latest-Version-Number} set to the profile's newest version
 * (AppConfig answers 409 when another writer created one since: CONFLICT, nothing written), {@code StartDeployment}
 * with the strategy (409 while another deployment runs in the environment: CONFLICT, the new version stays
 * undeployed) and wait for COMPLETE ({@link DeploymentWaiter}). Restore, the apply of the state read before: a
 * deployment of ours still running is stopped ({@code StopDeployment}: AppConfig rolls it back); after COMPLETE the
 * previous version number is deployed again (no new version); a target that held nothing gets an empty ({@code {}})
 * version marked {@link VersionDescription#EMPTY}, which reads back as empty.
 */
final class AppConfigStore implements ConfigStore {

    private final TargetSpec spec;
    private final AppConfigSettings settings;
    private final AppConfigApi api;
    private final DeploymentWaiter waiter;
    private final Clock clock;
    private final Map<Integer, StoreState> versions = new HashMap<>();
    private Optional<AppConfigApi.Ids> ids = Optional.empty();

    AppConfigStore(TargetSpec spec, AppConfigSettings settings, AppConfigApi api, Clock clock, Sleeper sleeper,
                   Consumer<String> progress) {
        this.spec = spec;
        this.settings = settings;
        this.api = api;
        this.clock = clock;
        this.waiter = new DeploymentWaiter(settings, api, clock, sleeper, progress);
    }

    @Override
    public TargetSpec spec() {
        return spec;
    }

    AppConfigSettings settings() {
        return settings;
    }

    AppConfigApi api() {
        return api;
    }

    @Override
    public StoreState read() {
        Optional<AppConfigApi.Ids> found = ids(false);
        if (found.isEmpty()) {
            return StoreState.empty(Layout.DOCUMENT);
        }
        return current(api.deployments(found.get()), found.get());
    }

    /**
     * At plan time: refuses content above the {@value AppConfigStoreProvider#HOSTED_LIMIT_BYTES} bytes a hosted
     * configuration version may hold (AppConfig's default quota), before any version is created. Sends no request.
     */
    @Override
    public List<String> planNotes(StoreState live, StoreState desired) {
        long size = desired.content().sizeBytes();
        if (size > AppConfigStoreProvider.HOSTED_LIMIT_BYTES) {
            throw new StoreException(Reason.TOO_LARGE, spec.name(), "the configuration is " + size + " bytes, above"
                    + " the " + AppConfigStoreProvider.HOSTED_LIMIT_BYTES + " bytes of an AppConfig hosted"
                    + " configuration; nothing was written", "make the configuration smaller, or split it over"
                    + " several profiles (one target each)");
        }
        return List.of();
    }

    @Override
    public void apply(StoreState desired, StoreState expected) {
        if (desired.content().layout() != Layout.DOCUMENT) {
            throw new IllegalArgumentException("target " + spec.name() + " holds documents, the content has "
                    + desired.content().layout().word());
        }
        AppConfigApi.Ids at = ids(settings.create()).orElseThrow();
        List<AppConfigApi.Deployment> deployments = api.deployments(at);
        if (!current(deployments, at).sameAs(expected)) {
            throw StoreException.conflict(spec.name(), "the version deployed in " + settings.where()
                    + " is not the one the plan read");
        }
        Optional<AppConfigApi.Deployment> running = deployments.stream().filter(AppConfigApi.Deployment::running)
                .findFirst();
        if (running.isPresent()) {
            stopOrRefuse(at, deployments, running.get(), desired);
            return;
        }
        int version = previousVersion(deployments, at, desired).orElseGet(() -> create(at, desired));
        String strategy = api.strategyId(settings.strategy()).orElseThrow(() -> new StoreException(Reason.NOT_FOUND,
                spec.name(), "no deployment strategy is named " + settings.strategy() + "; version " + version
                + " was created but not deployed", "write strategy: AppConfig.AllAtOnce, or the name of a strategy"
                + " of your account"));
        AppConfigApi.Deployment started;
        try {
            started = api.startDeployment(at, version, strategy, startDescription(desired));
        } catch (StoreException e) {
            if (e.reason() != Reason.CONFLICT) {
                throw e;
            }
            throw new StoreException(Reason.CONFLICT, spec.name(), "a deployment is already running in environment "
                    + settings.environment() + " (AppConfig runs one at a time): version " + version + " was created"
                    + " but not deployed; " + AppConfigErrors.NOTHING_CHANGED, "wait until the running deployment"
                    + " ends (or stop it in the AppConfig console) and deploy again", e);
        }
        waiter.awaitComplete(at, started);
    }

    @Override
    public StoreCheck check() {
        return new AppConfigStoreCheck(this, clock).run();
    }

    @Override
    public void close() {
        try {
            api.close();
        } catch (RuntimeException ignored) {
            // closing the SDK's clients must not hide the failure that came before
        }
    }

    /**
     * The ids of the target's application, environment and profile, looked up by name once; with {@code create}
     * the missing ones are created, otherwise a missing one is NOT_FOUND for a read, and for an apply.
     */
    Optional<AppConfigApi.Ids> ids(boolean create) {
        if (ids.isPresent()) {
            return ids;
        }
        Optional<String> app = api.applicationId(settings.application());
        if (app.isEmpty() && !create) {
            return missing("application " + settings.application());
        }
        String appId = app.isPresent() ? app.get() : api.createApplication(settings.application());
        Optional<String> env = api.environmentId(appId, settings.environment());
        Optional<String> profile = api.profileId(appId, settings.profile());
        if ((env.isEmpty() || profile.isEmpty()) && !create) {
            return missing(env.isEmpty() ? "environment " + settings.environment() : "configuration profile "
                    + settings.profile());
        }
        ids = Optional.of(new AppConfigApi.Ids(appId,
                env.isPresent() ? env.get() : api.createEnvironment(appId, settings.environment()),
                profile.isPresent() ? profile.get() : api.createProfile(appId, settings.profile())));
        return ids;
    }

    private Optional<AppConfigApi.Ids> missing(String what) {
        if (settings.create()) {
            return Optional.empty();
        }
        throw new StoreException(Reason.NOT_FOUND, spec.name(), "AppConfig has no " + what + " (" + settings.where()
                + ")", "create it in AppConfig (a hosted, freeform profile), fix the name, or set create: true on the"
                + " target to let the deploy create what is missing");
    }

    /** The state of the newest deployment AppConfig did not roll back; empty when there is none. */
    private StoreState current(List<AppConfigApi.Deployment> deployments, AppConfigApi.Ids at) {
        return deployments.stream().filter(AppConfigApi.Deployment::forward).findFirst()
                .map(d -> stateOf(at, d.version())).orElse(StoreState.empty(Layout.DOCUMENT));
    }

    private StoreState stateOf(AppConfigApi.Ids at, int number) {
        StoreState known = versions.get(number);
        if (known != null) {
            return known;
        }
        AppConfigApi.Version v = api.version(at, number);
        StoreState state;
        if (VersionDescription.isEmptyMarker(v.description())) {
            state = StoreState.empty(Layout.DOCUMENT);
        } else {
            try {
                state = new StoreState(new StoreContent.Document(new String(v.content(), StandardCharsets.UTF_8),
                        mediaTypeOf(v.contentType())), VersionDescription.read(v.description()));
            } catch (IllegalArgumentException e) {
                throw new StoreException(Reason.UNAVAILABLE, spec.name(), "hosted version " + number + " of "
                        + settings.where() + ": " + e.getMessage(), "deploy again: the next deploy writes a new"
                        + " version with a readable record", null);
            }
        }
        versions.put(number, state);
        return state;
    }

    /** The media type of the store's content for AppConfig's content type ({@code application/x-yaml}: YAML). */
    static String mediaTypeOf(String contentType) {
        if (contentType == null) {
            return DocumentFormat.JSON.mediaType();
        }
        return contentType.contains("yaml") ? DocumentFormat.YAML.mediaType() : contentType;
    }

    /** A running deployment of the profile: stopped when the desired state is what it replaces, else refused. */
    private void stopOrRefuse(AppConfigApi.Ids at, List<AppConfigApi.Deployment> deployments,
                              AppConfigApi.Deployment running, StoreState desired) {
        StoreState before = deployments.stream().filter(d -> d.number() < running.number() && d.forward()
                && !d.running()).findFirst().map(d -> stateOf(at, d.version())).orElse(StoreState.empty(Layout.DOCUMENT));
        if (desired.sameAs(before)) {
            waiter.stop(at, running.number());
            return;
        }
        throw new StoreException(Reason.CONFLICT, spec.name(), "deployment #" + running.number() + " of version "
                + running.version() + " is " + running.state() + " in " + settings.where() + "; AppConfig runs one"
                + " deployment per environment; nothing was written", "wait until it ends and deploy again");
    }

    /** The version of the deployment before the current one, when it holds exactly the desired state (a restore). */
    private Optional<Integer> previousVersion(List<AppConfigApi.Deployment> deployments, AppConfigApi.Ids at,
                                              StoreState desired) {
        return deployments.stream().filter(AppConfigApi.Deployment::forward).skip(1).findFirst()
                .map(AppConfigApi.Deployment::version).filter(v -> stateOf(at, v).sameAs(desired));
    }

    private int create(AppConfigApi.Ids at, StoreState desired) {
        boolean empty = desired.content().isEmpty();
        StoreContent.Document doc = (StoreContent.Document) desired.content();
        byte[] bytes = empty ? "{}".getBytes(StandardCharsets.UTF_8) : doc.canonicalBytes();
        String description = empty ? VersionDescription.EMPTY
                : desired.record().map(VersionDescription::of).orElse("written by config-cicd without a record");
        String label = desired.record().map(VersionDescription::label).orElse(empty ? "empty" : "no-record");
        String contentType = empty ? "application/json" : AppConfigSettings.contentTypeOf(doc.mediaType());
        int latest = api.latestVersion(at);
        int number = api.createVersion(at, bytes, contentType, description, label, latest);
        versions.put(number, empty ? StoreState.empty(Layout.DOCUMENT) : desired);
        return number;
    }

    private static String startDescription(StoreState desired) {
        return desired.record().map(r -> "config-cicd deployment " + r.deploymentId() + " of commit " + r.commit())
                .orElse("config-cicd restore");
    }

}
