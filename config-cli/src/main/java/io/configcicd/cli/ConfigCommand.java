package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.security.SecretMasker;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * What every subcommand shares: open the configuration directory of {@code --config-dir}, run, and write
 * the output in the format of {@code --format} to standard output or {@code --output}. Failures are
 * thrown and become exit codes in {@link ErrorReporter}.
 */
abstract class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    private ConfigCicdCli cli;

    @Override
    public final Integer call() {
        CommonOptions options = cli.options();
        Output output = new Output(options.format());
        try (ConfigurationManager manager = ConfigurationManager.open(options.configDir())) {
            execute(manager, output);
        }
        output.writeTo(cli.out(), options.output());
        return ErrorReporter.OK;
    }

    /** Calls the core and hands what it returned to {@code output}. */
    protected abstract void execute(ConfigurationManager manager, Output output);

    /** The masker of the directory's secret keys ({@code secrets.keys} in config-cicd.yaml). */
    protected static SecretMasker masker(ConfigurationManager manager) {
        return new SecretMasker(manager.directory().settings().secretKeys());
    }
}
