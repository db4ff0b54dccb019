package io.configcicd.cli;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Scope;
import picocli.CommandLine.Option;

/** {@code --scope S --name N --path P}: one place in one configuration, for {@code get} and {@code set}. */
final class TargetOptions {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE",
            description = "global (the environment's effective configuration) or environment (its override document alone)")
    private Scope scope;

    @Option(names = "--name", required = true, paramLabel = "ENV", description = "The environment, for example production.")
    private String name;

    @Option(names = "--path", required = true, paramLabel = "PATH",
            description = "A dotted path such as kgot.reasoning_depth or alita.environment_manager.supported_languages[0].")
    private ConfigPath path;

    Scope scope() {
        return scope;
    }

    String name() {
        return name;
    }

    ConfigPath path() {
        return path;
    }
}
