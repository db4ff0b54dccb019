package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
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

    ErrorReporter(PrintStream err, BooleanSupplier stacktrace) {
        this.err = err;
        this.stacktrace = stacktrace;
    }

    static int exitCode(ErrorKind kind) {
        return kind.exitCode();
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
        if (e instanceof ConfigCicdException c) {
            err.println("error: " + (c.origin().isKnown() ? c.origin() + ": " : "") + c.problem());
            if (!c.hint().isEmpty()) {
                err.println("hint: " + c.hint());
            }
            trace(e);
            return exitCode(c.kind());
        }
        if (e instanceof UncheckedIOException io) {
            err.println("error: " + io.getCause().getMessage());
            err.println("hint: check that the configuration directory is readable");
            trace(e);
            return EXTERNAL;
        }
        err.println("error: internal error: " + e);
        err.println("hint: rerun with --stacktrace and report the output");
        trace(e);
        return EXTERNAL;
    }

    private void trace(Exception e) {
        if (stacktrace.getAsBoolean()) {
            e.printStackTrace(err);
        }
    }
}
