package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.VerifyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit verify [--expect-head HASH]}: checks the audit log's hash chain; exit 1 when it was tampered with. */
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
            ConfigurationManager manager = workspace.manager();
            Governance governance = workspace.governance();
            governance.require(Permission.READ, AccessPolicy.ANY_ENVIRONMENT, "audit verify");
            VerifyResult r = governance.auditLog().verify(Optional.ofNullable(expectHead));
            damaged = !r.ok();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ok", r.ok());
            json.put("lines", r.linesChecked());
            json.put("head", r.lastHash());
            List<Map<String, Object>> problems = new ArrayList<>();
            for (VerifyResult.Problem p : r.problems()) {
                problems.add(Map.of("line", p.line(), "kind", p.kind().name().toLowerCase(Locale.ROOT),
                        "message", p.message()));
            }
            json.put("problems", problems);
            json.put("checks", r.checks());
            List<Map<String, Object>> unfinished = new ArrayList<>();
            for (VerifyResult.Unfinished u : r.unfinished()) {
                unfinished.add(Map.of("line", u.line(), "seq", u.seq(), "time", u.time(), "summary", u.summary()));
            }
            json.put("unfinished", unfinished);
            output.result(json, () -> text(r));
        }

        @Override
        protected int exitCode() {
            return damaged ? ErrorReporter.FINDINGS : ErrorReporter.OK;
        }

        private static String text(VerifyResult r) {
            StringBuilder sb = new StringBuilder();
            for (VerifyResult.Problem p : r.problems()) {
                sb.append(p.line() > 0 ? "line " + p.line() + ": " : "").append(p.kind().name().toLowerCase(Locale.ROOT))
                        .append(": ").append(p.message()).append('\n');
            }
            for (VerifyResult.Unfinished u : r.unfinished()) {
                sb.append("unfinished: line ").append(u.line()).append(" (").append(u.time()).append(") ")
                        .append(u.summary()).append('\n');
            }
            r.checks().forEach(c -> sb.append("checked: ").append(c).append('\n'));
            sb.append(r.ok() ? "audit log intact: " : "audit log DAMAGED: ").append(r.linesChecked())
                    .append(" lines, head ").append(r.lastHash()).append('\n');
            return sb.toString();
        }
    }
}
