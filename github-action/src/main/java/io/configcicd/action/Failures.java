package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one place where failures become annotations and exit codes, as in the CLI (ARCHITECTURE 3): 2 bad input,
 * 3 an external system failed (or an internal error), 4 access denied. A failure prints
 * {@code ::error file=F,line=L,title=config-cicd::problem} (file relative to the workspace, when the failure names
 * one) with the hint, and a short section in the job summary; no stack trace unless the runner's debug logging is on
 * ({@code RUNNER_DEBUG=1}).
 */
final class Failures {

    static final int OK = 0;
    static final int FINDINGS = ErrorKind.FINDINGS.exitCode();
    static final int BAD_INPUT = ErrorKind.BAD_INPUT.exitCode();
    static final int EXTERNAL = ErrorKind.EXTERNAL.exitCode();
    static final int ACCESS_DENIED = ErrorKind.ACCESS_DENIED.exitCode();

    private final RunnerContext runner;
    private final Path configDir;
    private final boolean debug;

    /** @param configDir where the files that failures name lie (their origins are relative to it) */
    Failures(RunnerContext runner, Path configDir, boolean debug) {
        this.runner = runner;
        this.configDir = configDir;
        this.debug = debug;
    }

    static int exitCode(ErrorKind kind) {
        return kind.exitCode();
    }

    /**
     * Prints the failure to the (masking) log {@code out}, the stack trace to {@code err} in debug mode, adds the
     * failure to the summary and returns the exit code.
     */
    int report(RuntimeException e, PrintStream out, PrintStream err, WorkflowFiles files) {
        Failure f = describe(e);
        out.println(WorkflowCommands.annotation("error", f.file(), f.origin().line(), f.origin().column(),
                "config-cicd", f.problem() + (f.hint().isEmpty() ? "" : "\nhint: " + f.hint())));
        if (debug) {
            e.printStackTrace(err);
        }
        try {
            files.appendSummary("## config-cicd: error (exit " + f.exitCode() + ")\n\n"
                    + (f.file().isEmpty() ? "" : "`" + location(f) + "`: ") + f.problem() + "\n\n"
                    + (f.hint().isEmpty() ? "" : "hint: " + f.hint() + "\n\n"));
        } catch (RuntimeException summaryFailed) {
            out.println(WorkflowCommands.annotation("warning", "config-cicd",
                    "the job summary could not be written: " + summaryFailed.getMessage()));
        }
        out.flush();
        return f.exitCode();
    }

    private Failure describe(RuntimeException e) {
        if (e instanceof ConfigCicdException c) {
            String file = c.origin().isKnown() ? runner.relative(configDir.resolve(c.origin().file())) : "";
            return new Failure(exitCode(c.kind()), file, c.origin(), c.problem(), c.hint());
        }
        if (e instanceof UncheckedIOException io) {
            return new Failure(EXTERNAL, "", Origin.UNKNOWN, String.valueOf(io.getCause().getMessage()),
                    "check that the workspace and the configuration directory are readable");
        }
        return new Failure(EXTERNAL, "", Origin.UNKNOWN, "internal error: " + e,
                "re-run the job with debug logging enabled and report the output");
    }

    private static String location(Failure f) {
        return f.origin().line() > 0 ? f.file() + ":" + f.origin().line() : f.file();
    }

    /** A failure as the log and the summary show it; {@code file} is relative to the workspace. */
    private record Failure(int exitCode, String file, Origin origin, String problem, String hint) {
    }
}
