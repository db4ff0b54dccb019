package io.configcicd.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes (ARCHITECTURE 3). They are declared once, on the top command, and
 * inherited by every subcommand, so they may be written before or after the command name.
 */
public final class CommonOptions {

    @Option(names = "--config-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            defaultValue = "${env:CONFIG_CICD_DIR:-configuration}",
            description = "The configuration directory (default: $CONFIG_CICD_DIR, else ./configuration).")
    private Path configDir;

    @Option(names = "--format", paramLabel = "FORMAT", scope = ScopeType.INHERIT, defaultValue = "text",
            description = "Output format: text, json or yaml (default: text).")
    private OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Write the output to FILE (replaced atomically) instead of standard output.")
    private Path output;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    private boolean stacktrace;

    public Path configDir() {
        return configDir;
    }

    public OutputFormat format() {
        return format;
    }

    public Optional<Path> output() {
        return Optional.ofNullable(output);
    }

    public boolean stacktrace() {
        return stacktrace;
    }
}
