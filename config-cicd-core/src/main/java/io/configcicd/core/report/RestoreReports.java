package io.configcicd.core.report;

import io.configcicd.core.history.RestoreResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a file rollback ({@code rollback --to-version}) restored, as outputs show it. */
public final class RestoreReports {

    private RestoreReports() {
    }

    /**
     * {@code version, commit, written, deleted, new_commit, nothing_to_commit, not_committed_plaintext_secrets,
     * backup}.
     */
    public static Map<String, Object> structure(RestoreResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", r.version());
        json.put("commit", r.commitId());
        json.put("written", r.filesWritten());
        json.put("deleted", r.filesDeleted());
        json.put("new_commit", r.newCommit().orElse(null));
        json.put("nothing_to_commit", r.nothingToCommit());
        json.put("not_committed_plaintext_secrets", r.keptOutOfGit());
        json.put("backup", r.backupTaken().id());
        return json;
    }

    /** The files restored and deleted, the version, the commit or why there is none, the backup, what was forced. */
    public static String text(RestoreResult r) {
        StringBuilder sb = new StringBuilder();
        if (!r.changed()) {
            sb.append("already at ").append(r.version()).append(": nothing to restore\n");
        }
        r.filesWritten().forEach(f -> sb.append("restored ").append(f).append('\n'));
        r.filesDeleted().forEach(f -> sb.append("deleted ").append(f).append('\n'));
        sb.append("rolled back to ").append(r.version()).append(" (")
                .append(r.commitId(), 0, Math.min(12, r.commitId().length())).append(")");
        r.newCommit().ifPresent(c -> sb.append(", committed ").append(c, 0, Math.min(12, c.length())));
        if (r.nothingToCommit()) {
            sb.append(", restored, nothing to commit (the files are as HEAD has them)");
        }
        if (!r.keptOutOfGit().isEmpty()) {
            sb.append(", restored, not committed: config-cicd never writes a plaintext secret into git");
        }
        sb.append("; backup before: ").append(r.backupTaken().id()).append('\n');
        r.findingsIgnored().forEach(f -> sb.append("forced past: [").append(f.ruleId()).append("] ").append(f.message())
                .append('\n'));
        r.keptOutOfGit().forEach(w -> sb.append("plaintext secret, not committed: ").append(w).append('\n'));
        if (!r.keptOutOfGit().isEmpty()) {
            sb.append("make each a ${VAR} reference or an ENC[...] value (validate --fix, encrypt), then commit\n");
        }
        return sb.toString();
    }
}
