package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.report.RepositoryPaths;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * How a failure reads on standard error ({@code error: file:line:col: problem}, then {@code hint: ...}) and the
 * exit code it gives (ARCHITECTURE 3), in plain Java so that {@link SchemaFastPath} reports as {@link ErrorReporter}
 * does without loading picocli (whose interfaces {@code ErrorReporter} implements).
 */
final class Failures {

    private Failures() {
    }

    /** Prints the failure (with its stack trace when {@code stacktrace}) and returns its exit code. */
    static int report(Exception e, PrintStream err, boolean stacktrace) {
        return report(e, err, stacktrace, RepositoryPaths.AS_GIVEN);
    }

    /**
     * Prints the failure, the file it names relative to the repository root through {@code paths} (the paths of
     * the configuration directory the command opened), and returns its exit code.
     */
    static int report(Exception e, PrintStream err, boolean stacktrace, RepositoryPaths paths) {
        int code;
        if (e instanceof ConfigCicdException c) {
            err.println("error: " + (c.origin().isKnown() ? paths.origin(c.origin()) + ": " : "") + c.problem());
            if (!c.hint().isEmpty()) {
                err.println("hint: " + c.hint());
            }
            code = c.kind().exitCode();
        } else if (e instanceof UncheckedIOException io) {
            err.println("error: " + io.getCause().getMessage());
            err.println("hint: check that the configuration directory is readable");
            code = ErrorKind.EXTERNAL.exitCode();
        } else {
            err.println("error: internal error: " + e);
            err.println("hint: rerun with --stacktrace and report the output");
            code = ErrorKind.EXTERNAL.exitCode();
        }
        if (stacktrace) {
            e.printStackTrace(err);
        }
        return code;
    }
}
