package io.configcicd.cli;

import io.configcicd.core.api.AuditService;
import io.configcicd.core.api.AuditVerifyOutcome;
import io.configcicd.core.api.AuditVerifyRequest;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.report.AuditReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audit verify [--expect-head HASH]}: checks the audit log's hash chain through {@link AuditService#verify};
 * exit 1 when it was tampered with.
 */
@Command(name = "audit", description = "The audit log of the configuration directory.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "missing subcommand: verify");
    }

    @Command(name = "verify", description = {
            "Check the audit log; exit 1 when it was changed. What it can find depends on what protects the log"
                    + " (docs/security.md, \"Audit log\"):",
            "- always: a line edited without re-hashing, or removed, inserted or moved before the last line; a torn"
                    + " line; the last lines cut off while the head file was left alone; a log (or head, or audit"
                    + " folder) that is a symbolic link.",
            "- keyed chain (CONFIG_CICD_AUDIT_KEY set when writing and when verifying): also any line changed or added"
                    + " and re-hashed, since the HMAC needs the key. Without the key, keyed lines are reported as"
                    + " not checked.",
            "- git anchor (the directory in a git work tree, the log inside it): also the log deleted with its head,"
                    + " or cut short with its head rewritten, up to the anchored head.",
            "- --expect-head: also any of that up to the line a hash kept elsewhere names.",
            "Nothing finds changes never written to the log (auditing disabled or moved by the settings), a log cut"
                    + " back to a head recorded nowhere else, or a rewrite by someone holding the key and able to"
                    + " move the anchor.",
            "Actions that started and never recorded an outcome (the process died in between) are listed as"
                    + " unfinished."})
    static final class Verify extends ConfigCommand {

        @Option(names = "--expect-head", paramLabel = "HASH",
                description = "The hash of the last line as printed by an earlier verify, kept outside this machine: "
                        + "the log must still contain it (this catches a rewritten or cut chain).")
        private String expectHead;

        private boolean damaged;

        @Override
        protected void execute(Workspace workspace, Output output) {
            AuditVerifyRequest request = AuditVerifyRequest.of();
            AuditVerifyOutcome outcome = new AuditService().verify(workspace,
                    expectHead == null ? request : request.withExpectHead(expectHead));
            damaged = !outcome.intact();
            output.result(AuditReports.structure(outcome.result()), () -> AuditReports.text(outcome.result()));
        }

        @Override
        protected int exitCode() {
            return damaged ? ErrorReporter.FINDINGS : ErrorReporter.OK;
        }
    }
}
