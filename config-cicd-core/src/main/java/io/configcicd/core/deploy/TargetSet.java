package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.repo.DeploySettings;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.TargetSpec;
import java.util.ArrayList;
import java.util.List;

/** The targets of an environment ({@code environments.E.targets}), parsed for it, optionally narrowed by name. */
final class TargetSet {

    private TargetSet() {
    }

    static List<TargetSpec> of(Settings settings, String environment, List<String> only, StoreProviders providers) {
        List<String> declared = settings.environment(environment).map(Settings.EnvironmentSpec::targets)
                .orElse(List.of());
        if (declared.isEmpty()) {
            List<String> known = DeploySettings.targetNames(settings.raw());
            throw ConfigCicdException.badInput("environment " + environment + " has no deploy targets",
                    "add targets: [" + (known.isEmpty() ? "local" : String.join(", ", known)) + "] under environments."
                            + environment + " in " + Settings.FILE_NAME + (known.isEmpty()
                            ? ", and declare local: {type: file} under targets:" : "") + " (see docs/settings.md)");
        }
        for (String name : only) {
            if (!declared.contains(name)) {
                throw ConfigCicdException.badInput("--target " + name + " is not a target of " + environment,
                        "the targets of " + environment + " are " + String.join(", ", declared));
            }
        }
        ConfigMap targets = (ConfigMap) settings.raw().getOrNull(DeploySettings.TARGETS);
        List<TargetSpec> out = new ArrayList<>();
        for (String name : declared) {
            if (only.isEmpty() || only.contains(name)) {
                ConfigNode node = targets.getOrNull(name);
                out.add(providers.parse(name, node, environment));
            }
        }
        return out;
    }

    /** Every environment that declares targets. */
    static List<String> environmentsWithTargets(Settings settings) {
        return settings.environments().stream().filter(e -> !e.targets().isEmpty())
                .map(Settings.EnvironmentSpec::name).toList();
    }
}
