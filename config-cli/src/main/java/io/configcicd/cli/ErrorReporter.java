package io.configcicd.cli;

import io.configcicd.core.ErrorKind;
import io.configcicd.core.report.RepositoryPaths;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become messages and exit codes (ARCHITECTURE 3): 0 success, 1 findings,
 * 2 bad input or usage, 3 an external system failed (or an internal error), 4 access denied.
 * Errors print as {@code error: file:line:col: problem} and {@code hint: ...} on standard error, without a
 * stack trace unless {@code --stacktrace} was given.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int OK = 0;
    static final int FINDINGS = ErrorKind.FINDINGS.exitCode();
    static final int BAD_INPUT = ErrorKind.BAD_INPUT.exitCode();
    static final int EXTERNAL = ErrorKind.EXTERNAL.exitCode();
    static final int ACCESS_DENIED = ErrorKind.ACCESS_DENIED.exitCode();

    private final PrintStream err;
    private final BooleanSupplier stacktrace;
    private final Supplier<RepositoryPaths> paths;

    /** @param paths how files are named: the paths of the configuration directory once a command has chosen it */
    ErrorReporter(PrintStream err, BooleanSupplier stacktrace, Supplier<RepositoryPaths> paths) {
        this.err = err;
        this.stacktrace = stacktrace;
        this.paths = paths;
    }


    /** Usage errors: an unknown option, a missing or malformed value. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        err.println("error: " + e.getMessage());
        CommandLine cmd = e.getCommandLine();
        err.println("hint: run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the usage");
        trace(e);
        return BAD_INPUT;
    }

    /** Failures of a command while it runs. */
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        return report(e);
    }

    int report(Exception e) {
        return Failures.report(e, err, stacktrace.getAsBoolean(), paths.get());
    }

    private void trace(Exception e) {
        if (stacktrace.getAsBoolean()) {
            e.printStackTrace(err);
        }
    }
}
