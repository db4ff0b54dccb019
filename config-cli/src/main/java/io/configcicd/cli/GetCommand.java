package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.Configuration;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.load.Interpolator;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code get --scope S --name N --path P [--reveal]}: a value or a subtree, secrets masked. */
@Command(name = "get", description = "Print a value or a subtree. Secrets are masked unless --reveal is given.")
final class GetCommand extends ConfigCommand {

    @Mixin
    private TargetOptions target;

    @Option(names = "--reveal",
            description = "Show secrets, and resolve ${VAR} references from the environment (an unset variable is an error).")
    private boolean reveal;

    @Override
    protected void execute(ConfigurationManager manager, Output output) {
        Configuration config = manager.getConfiguration(target.scope(), target.name());
        ConfigPath path = target.path();
        ConfigNode node = ConfigNodes.at(config.root(), path);
        if (node == null) {
            String parent = path.size() > 1 ? "--path " + path.parent() : "--path ''";
            throw ConfigCicdException.badInput("'" + path + "' is not set in " + config,
                    "run get with " + parent + " to see the keys that exist");
        }
        output.value(reveal ? resolved(config.root(), path) : masker(manager).mask(path, node));
    }

    /**
     * The node at {@code path} with its references resolved. Only the branch that leads to it is resolved,
     * so a variable used elsewhere in the configuration need not be set.
     */
    private static ConfigNode resolved(ConfigMap root, ConfigPath path) {
        ConfigMap branch = (ConfigMap) branch(root, path.segments(), 0);
        return ConfigNodes.at(Interpolator.fromProcessEnvironment().resolve(branch), path);
    }

    private static ConfigNode branch(ConfigNode node, List<ConfigPath.Segment> segments, int i) {
        if (i == segments.size() || !(segments.get(i) instanceof ConfigPath.Key key) || !(node instanceof ConfigMap map)) {
            return node;
        }
        ConfigNode child = map.getOrNull(key.name());
        return ConfigMap.builder(map.origin())
                .put(key.name(), branch(child, segments, i + 1), map.keyOrigin(key.name()))
                .build();
    }
}
