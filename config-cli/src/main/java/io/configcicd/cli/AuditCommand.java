package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.VerifyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Command(name = "verify", description = "Check that no line of the audit log was edited, deleted, inserted, "
            + "reordered or cut off. Exit 1 when something was.")
    static final class Verify extends ConfigCommand {

        @Option(names = "--expect-head", paramLabel = "HASH",
                description = "The hash of the last line as printed by an earlier verify, kept outside this machine: "
                        + "the log must still contain it (this catches a rewritten chain).")
        private String expectHead;

        private boolean damaged;

        @Override
        protected void execute(ConfigurationManager manager, Output output) {
            governance.require(Permission.READ, AccessPolicy.ANY_ENVIRONMENT, "audit verify");
            VerifyResult r = governance.auditLog().verify(Optional.ofNullable(expectHead));
            damaged = !r.ok();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ok", r.ok());
            json.put("lines", r.linesChecked());
            json.put("head", r.lastHash());
            List<Map<String, Object>> problems = new ArrayList<>();
            for (VerifyResult.Problem p : r.problems()) {
                problems.add(Map.of("line", p.line(), "kind", p.kind().name().toLowerCase(java.util.Locale.ROOT),
                        "message", p.message()));
            }
            json.put("problems", problems);
            output.result(json, () -> text(r));
        }

        @Override
        protected int exitCode() {
            return damaged ? ErrorReporter.FINDINGS : ErrorReporter.OK;
        }

        private static String text(VerifyResult r) {
            StringBuilder sb = new StringBuilder();
            for (VerifyResult.Problem p : r.problems()) {
                sb.append("line ").append(p.line()).append(": ").append(p.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append(": ").append(p.message()).append('\n');
            }
            sb.append(r.ok() ? "audit log intact: " : "audit log DAMAGED: ").append(r.linesChecked())
                    .append(" lines, head ").append(r.lastHash()).append('\n');
            return sb.toString();
        }
    }
}
