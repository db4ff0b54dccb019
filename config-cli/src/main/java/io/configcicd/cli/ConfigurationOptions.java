package io.configcicd.cli;

import io.configcicd.core.model.Scope;
import picocli.CommandLine.Option;

/** {@code --scope S --name N}: one configuration, for {@code get} and {@code set} (each declares its {@code --path}). */
final class ConfigurationOptions {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE",
            description = "global (the environment's effective configuration) or environment (its override document alone)")
    private Scope scope;

    @Option(names = "--name", required = true, paramLabel = "ENV", description = "The environment, for example production.")
    private String name;

    Scope scope() {
        return scope;
    }

    String name() {
        return name;
    }
}
