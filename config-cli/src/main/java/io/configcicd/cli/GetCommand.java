package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.Configuration;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.security.crypto.Decryptor;
import io.configcicd.core.security.crypto.EncryptedValue;
import io.configcicd.core.security.crypto.KeyLoader;
import io.configcicd.core.security.crypto.KeyRing;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.security.external.ExternalSecretInterpolator;
import io.configcicd.core.security.external.ResolvingVariableSource;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code get --scope S --name N [--path P] [--reveal]}: a value, a subtree, or without {@code --path} the whole
 * configuration (the original design's {@code get_configuration}); secrets masked.
 */
@Command(name = "get", description = "Print a value, a subtree, or without --path the whole configuration."
        + " Secrets are masked unless --reveal is given.")
final class GetCommand extends ConfigCommand {

    @Mixin
    private TargetOptions target;

    @Option(names = "--path", paramLabel = "PATH", description = "A dotted path such as kgot.reasoning_depth or"
            + " alita.environment_manager.supported_languages[0]; without it, the whole configuration.")
    private ConfigPath pathOption;

    @Option(names = "--reveal",
            description = "Show secrets, and resolve ${VAR} references from the environment (an unset variable is an error).")
    private boolean reveal;

    @Override
    protected void execute(Workspace workspace, Output output) {
        ConfigurationManager manager = workspace.manager();
        Governance governance = workspace.governance();
        governance.require(Permission.READ, target.name(), "get");
        if (reveal) {
            governance.require(Permission.REVEAL, target.name(), "get --reveal");
        }
        Configuration config = manager.getConfiguration(target.scope(), target.name());
        ConfigPath path = pathOption == null ? ConfigPath.root() : pathOption;
        ConfigNode node = ConfigNodes.at(config.root(), path);
        if (node == null) {
            String parent = path.size() > 1 ? "with --path " + path.parent() : "without --path";
            throw ConfigCicdException.badInput("'" + path + "' is not set in " + config,
                    "run get " + parent + " to see the keys that exist");
        }
        if (reveal) {
            ConfigNode resolved = new ExternalSecretInterpolator(ResolvingVariableSource.standard(cli().env()))
                    .resolve(decrypted(node), path);
            governance.record("get --reveal", scopeWord(target.scope()), target.name(), path.toString(),
                    Optional.empty(), Optional.empty(), AuditEvent.OK);
            cli().revealSecrets();
            output.value(resolved);
        } else {
            output.value(masker(manager).mask(path, node));
        }
    }

    /** The node with its ENC[...] values decrypted by the key of CONFIG_CICD_KEY; an error when it has some and no key. */
    private ConfigNode decrypted(ConfigNode node) {
        if (EncryptedValue.findAll(node).isEmpty()) {
            return node;
        }
        KeyRing keys = KeyLoader.require(cli().env(), Optional.empty());
        return new Decryptor(new SecretCipher(keys)).decrypt(node);
    }
}
