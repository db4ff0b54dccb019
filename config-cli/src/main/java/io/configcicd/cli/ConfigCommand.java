package io.configcicd.cli;

import io.configcicd.core.api.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: open the configuration directory of {@code --config-dir}, run, and write
 * the output in the format of {@code --format} to standard output or {@code --output}. Failures are
 * thrown and become exit codes in {@link ErrorReporter}.
 */
abstract class ConfigCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() {
        ConfigCicdCli cli = (ConfigCicdCli) spec.root().userObject();
        CommonOptions options = cli.options();
        Output output = new Output(options.format());
        cli.useDirectory(options.configDir());
        try {
            try (Workspace workspace = Workspace.open(options.configDir(), cli.env(), ParseThreads.pool(),
                    new ProgressLines(cli.err(), options.progress()))) {
                cli.maskWith(workspace.masker());
                execute(workspace, output);
            }
            output.writeTo(cli.out(), options.output());
        } finally {
            ended();
        }
        return exitCode();
    }

    /** Called once the command has ended, its output written or a failure on its way: after the last byte it prints. */
    protected void ended() {
    }

    /** The command line this command runs in. */
    protected ConfigCicdCli cli() {
        return (ConfigCicdCli) spec.root().userObject();
    }

    /** A usage error of this command (exit 2, with the hint to run its {@code --help}). */
    protected picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The exit code after a run that threw nothing: 0 unless a command reports findings (1). */
    protected int exitCode() {
        return ErrorReporter.OK;
    }

    /** Calls the core and hands what it returned to {@code output}. */
    protected abstract void execute(Workspace workspace, Output output);
}
