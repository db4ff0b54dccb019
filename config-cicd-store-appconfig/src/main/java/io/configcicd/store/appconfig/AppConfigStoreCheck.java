package io.configcicd.store.appconfig;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreCheck.Status;
import io.configcicd.core.store.StoreCheck.Step;
import io.configcicd.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code test-stores} for an aws-appconfig target: the caller's identity (STS {@code GetCallerIdentity}: reachable
 * and authenticated), {@code GetApplication}, {@code GetEnvironment}, {@code GetConfigurationProfile} and a read of
 * the deployed version (can read), and a write probe that changes nothing: a
 * {@code CreateHostedConfigurationVersion} with a {@code Latest-Version-Number} that cannot match, which AppConfig
 * refuses with 409 after it authorized the call. Nothing is deployed.
 */
final class AppConfigStoreCheck {

    /** The version lock no profile reaches: the probe is always refused by it. */
    static final int IMPOSSIBLE_LATEST = Integer.MAX_VALUE;

    private final AppConfigStore store;
    private final AppConfigSettings settings;
    private final Clock clock;

    AppConfigStoreCheck(AppConfigStore store, Clock clock) {
        this.store = store;
        this.settings = store.settings();
        this.clock = clock;
    }

    StoreCheck run() {
        long start = clock.millis();
        Step reachable;
        Step auth;
        try {
            String arn = store.api().callerArn();
            reachable = Step.ok("AppConfig/STS answered" + settings.region().map(r -> " in " + r).orElse(""));
            auth = Step.ok("as " + arn);
        } catch (StoreException e) {
            boolean authFailed = e.reason() == StoreException.Reason.UNAUTHORIZED;
            reachable = authFailed ? Step.ok("STS answered") : Step.failed(e.problem());
            auth = authFailed ? Step.failed(e.problem()) : Step.skipped("not reachable");
        }
        boolean usable = reachable.status() == Status.OK && auth.status() == Status.OK;
        Optional<AppConfigApi.Ids> ids = Optional.empty();
        Step read;
        if (usable) {
            try {
                ids = store.ids(false);
                read = ids.map(this::read).orElseGet(() -> Step.ok(settings.where() + ": missing, created by the first"
                        + " deploy (create: true)"));
            } catch (ConfigCicdException e) {
                read = Step.failed(e.problem());
            }
        } else {
            read = Step.skipped("not connected");
        }
        Step write = read.status() != Status.OK ? Step.skipped("cannot read the target")
                : ids.map(this::write).orElseGet(() -> Step.skipped("nothing to write to before the first deploy"));
        return new StoreCheck(store.spec().name(), reachable, auth, read, write,
                Duration.ofMillis(Math.max(0, clock.millis() - start)));
    }

    private Step read(AppConfigApi.Ids ids) {
        try {
            store.api().getApplication(ids.application());
            store.api().getEnvironment(ids);
            store.api().getProfile(ids);
            store.read();
            return Step.ok(settings.where());
        } catch (ConfigCicdException e) {
            return Step.failed(e.problem());
        }
    }

    private Step write(AppConfigApi.Ids ids) {
        try {
            int created = store.api().createVersion(ids, "{}".getBytes(StandardCharsets.UTF_8), "application/json",
                    "config-cicd test-stores probe (never deployed)", "test-stores-probe", IMPOSSIBLE_LATEST);
            return Step.ok("may create hosted versions (the probe created version " + created + ", never deployed)");
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.CONFLICT) {
                return Step.ok("may create hosted versions (the probe was refused by the version lock, as meant:"
                        + " nothing written)");
            }
            return Step.failed(e.problem());
        }
    }
}
