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
            description = "Output format: text, json or yaml; validate also writes junit, sarif, gitlab and github (default: text).")
    private String format;

    @Option(names = "--output", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Write the output to FILE (replaced atomically) instead of standard output.")
    private Path output;

    @Option(names = "--policy-ref", paramLabel = "REF", scope = ScopeType.INHERIT,
            description = "Read access: and audit: from config-cicd.yaml as this git ref (origin/main) has it committed,"
                    + " not from the work tree (default: $CONFIG_CICD_POLICY_REF, else access.policy_from).")
    private String policyRef;

    @Option(names = "--progress", scope = ScopeType.INHERIT,
            description = "Print the steps of the command on standard error: files written, backups taken, deploy progress.")
    private boolean progress;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    private boolean stacktrace;

    public Path configDir() {
        return configDir;
    }

    /** The format name as given; each command reads the names it supports. */
    public String formatName() {
        return format;
    }

    /** {@code --format} as one of the value formats (text, json, yaml). */
    public OutputFormat format() {
        return OutputFormat.parse(format);
    }

    public Optional<Path> output() {
        return Optional.ofNullable(output);
    }

    /** {@code --policy-ref}, when given. */
    public Optional<String> policyRef() {
        return Optional.ofNullable(policyRef).filter(r -> !r.isBlank());
    }

    /** {@code --progress}: print every progress event, not only warnings. */
    public boolean progress() {
        return progress;
    }

    public boolean stacktrace() {
        return stacktrace;
    }
}
