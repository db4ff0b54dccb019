package io.configcicd.cli;

import io.configcicd.core.api.GetOutcome;
import io.configcicd.core.api.GetRequest;
import io.configcicd.core.api.ReadService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.model.ConfigPath;
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
    private ConfigurationOptions configuration;

    @Option(names = "--path", paramLabel = "PATH", description = "A dotted path such as kgot.reasoning_depth or"
            + " alita.environment_manager.supported_languages[0]; without it, the whole configuration.")
    private ConfigPath pathOption;

    @Option(names = "--reveal",
            description = "Show secrets, and resolve ${VAR} references from the environment (an unset variable is an error).")
    private boolean reveal;

    @Override
    protected void execute(Workspace workspace, Output output) {
        GetRequest request = GetRequest.of(configuration.scope(), configuration.name()).withReveal(reveal);
        GetOutcome outcome = new ReadService().get(workspace, pathOption == null ? request : request.withPath(pathOption));
        if (outcome.revealed()) {
            cli().revealSecrets();
        }
        output.value(outcome.value());
    }
}
