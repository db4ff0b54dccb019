package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.api.RestoreValidators;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.history.FileRestore;
import io.configcicd.core.history.RestoreOptions;
import io.configcicd.core.history.RestoreResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rollback --scope S --name N [--to-version REV]}: restores the files of a configuration as they were in REV
 * (default: the version before the last change), validated, atomically, committed in a git work tree, audited.
 */
@Command(name = "rollback", description = "Restore the files of a configuration as they were in a version (default: "
        + "the one before the last change): validated first, a backup taken, written atomically, committed when the "
        + "directory is a git work tree, audited.")
final class RollbackCommand extends ConfigCommand {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "global or environment")
    private Scope scope;

    @Option(names = "--name", required = true, paramLabel = "ENV", description = "The environment.")
    private String name;

    @Option(names = "--to-version", paramLabel = "REV",
            description = "A commit, tag (v1.2.3, config-backup/...), branch, or outside git a backup id.")
    private String toVersion;

    @Option(names = "--force", description = "Write even when the restored configuration has validation findings.")
    private boolean force;

    @Option(names = "--no-commit", description = "Restore the files without committing them.")
    private boolean noCommit;

    @Override
    protected void execute(Workspace workspace, Output output) {
        ConfigurationManager manager = workspace.manager();
        Governance governance = workspace.governance();
        governance.require(Permission.ROLLBACK, name, "rollback");
        RestoreOptions options = RestoreOptions.defaults().withForce(force).withCommit(!noCommit)
                .withAuthor(governance.principal().name(), governance.principal().name() + "@config-cicd");
        AuditEvent intent = governance.event("rollback", scopeWord(scope), name, "")
                .withValues(Optional.empty(), Optional.ofNullable(toVersion));
        RestoreResult r = governance.audited(intent,
                () -> new FileRestore(RestoreValidators.of(manager, governance)).rollback(manager.directory(), scope, name,
                        Optional.ofNullable(toVersion), options),
                done -> intent.withValues(Optional.empty(), Optional.of(done.version())).withResult(AuditEvent.OK + ": "
                        + done.filesWritten().size() + " written, " + done.filesDeleted().size() + " deleted, backup "
                        + done.backupTaken().id() + done.newCommit().map(c -> ", commit " + c).orElse("")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", r.version());
        json.put("commit", r.commitId());
        json.put("written", r.filesWritten());
        json.put("deleted", r.filesDeleted());
        json.put("new_commit", r.newCommit().orElse(null));
        json.put("nothing_to_commit", r.nothingToCommit());
        json.put("not_committed_plaintext_secrets", r.keptOutOfGit());
        json.put("backup", r.backupTaken().id());
        output.result(json, () -> text(r));
    }

    private static String text(RestoreResult r) {
        StringBuilder sb = new StringBuilder();
        if (!r.changed()) {
            sb.append("already at ").append(r.version()).append(": nothing to restore\n");
        }
        r.filesWritten().forEach(f -> sb.append("restored ").append(f).append('\n'));
        r.filesDeleted().forEach(f -> sb.append("deleted ").append(f).append('\n'));
        sb.append("rolled back to ").append(r.version()).append(" (").append(r.commitId(), 0, Math.min(12, r.commitId().length()))
                .append(")");
        r.newCommit().ifPresent(c -> sb.append(", committed ").append(c, 0, Math.min(12, c.length())));
        if (r.nothingToCommit()) {
            sb.append(", restored, nothing to commit (the files are as HEAD has them)");
        }
        if (!r.keptOutOfGit().isEmpty()) {
            sb.append(", restored, not committed: config-cicd never writes a plaintext secret into git");
        }
        sb.append("; backup before: ").append(r.backupTaken().id()).append('\n');
        r.findingsIgnored().forEach(f -> sb.append("forced past: [").append(f.ruleId()).append("] ").append(f.message()).append('\n'));
        r.keptOutOfGit().forEach(w -> sb.append("plaintext secret, not committed: ").append(w).append('\n'));
        if (!r.keptOutOfGit().isEmpty()) {
            sb.append("make each a ${VAR} reference or an ENC[...] value (validate --fix, encrypt), then commit\n");
        }
        return sb.toString();
    }
}
