package io.configcicd.core.deploy;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.DeploySettings;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.store.StoreProviders;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks every target of {@code targets:} as deploy will read it (its type installed, its keys known, its options
 * well formed), so that {@code validate} in a pull request catches a broken target before a deploy does: each target
 * for every environment that lists it, and a target no environment lists yet for a stand-in environment name.
 */
public final class TargetCheck {

    /** The environment name a target that no environment lists is checked for ({@code {environment}} needs one). */
    static final String UNLISTED = "environment";

    private TargetCheck() {
    }

    /**
     * @throws io.configcicd.core.ConfigCicdException bad input at the target's file:line, as deploy would report it
     */
    public static void check(Settings settings, Supplier<StoreProviders> installed) {
        if (DeploySettings.targetNames(settings.raw()).isEmpty()) {
            return; // no store to ask: the providers (and their SDKs' classes) stay unloaded
        }
        StoreProviders providers = installed.get();
        for (String environment : TargetSet.environmentsWithTargets(settings)) {
            TargetSet.of(settings, environment, List.of(), providers);
        }
        List<String> listed = settings.environments().stream().flatMap(e -> e.targets().stream()).toList();
        if (settings.raw().getOrNull(DeploySettings.TARGETS) instanceof ConfigMap targets) {
            for (String name : DeploySettings.targetNames(settings.raw())) {
                if (!listed.contains(name)) {
                    providers.parse(name, targets.getOrNull(name), UNLISTED);
                }
            }
        }
    }
}
