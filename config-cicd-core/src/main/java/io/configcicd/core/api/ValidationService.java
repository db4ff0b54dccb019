package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Severity;
import io.configcicd.core.report.Report;
import io.configcicd.core.repo.git.GitSnapshot;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.ValidationRun;
import java.time.Clock;
import java.time.LocalDate;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.SecretInventory;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one method the CLI, the Maven plugin and the action call to validate ({@link #validate}): it opens the
 * configuration directory (or the tree of a git revision), runs the directory's validator on the environments
 * asked for, writes the fixes rules offer when asked and validates again, and returns one report whose paths
 * are relative to the repository root.
 */
public final class ValidationService {

    private final String version;
    private final Clock clock;
    private final Map<String, String> env;
    private final BackupTaker backups;

    /** @param version the tool version written into reports; no backup is taken before --fix writes */
    public ValidationService(String version) {
        this(version, Clock.systemDefaultZone(), System.getenv(), BackupTaker.NONE);
    }

    /** With a clock, for the date waivers expire against. */
    public ValidationService(String version, Clock clock) {
        this(version, clock, System.getenv(), BackupTaker.NONE);
    }

    /**
     * @param env     the process environment, which names the principal ({@code CONFIG_CICD_USER}, CI variables)
     *                that access control checks and the audit log records
     * @param backups takes a backup of each environment before --fix writes to it
     */
    public ValidationService(String version, Clock clock, Map<String, String> env, BackupTaker backups) {
        this.version = Objects.requireNonNull(version, "version");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.env = Map.copyOf(env);
        this.backups = Objects.requireNonNull(backups, "backups");
    }

    /**
     * Validates the environments of a request and returns the report.
     *
     * @throws ConfigCicdException bad input (exit 2) for an unparseable file, an unknown environment or
     *         revision, or --fix with a revision; external (exit 3) when git or the file system fails
     */
    public ValidateOutcome validate(ValidateRequest request) {
        if (request.fix() && request.revision().isPresent()) {
            throw ConfigCicdException.badInput("--fix edits the files on disk and cannot be combined with a commit or branch",
                    "validate the commit without --fix, or check it out and run --fix on the work tree");
        }
        String prefix = GitSnapshot.repositoryPrefix(request.configDir());
        try (ConfigurationManager workTree = ConfigurationManager.open(request.configDir())) {
            Governance governance = Governance.of(workTree.directory(), env)
                    .maskingWith(SecretInventory.of(workTree.directory(), env));
            if (request.revision().isPresent()) {
                try (GitSnapshot snapshot = GitSnapshot.of(request.configDir(), request.revision().get());
                     ConfigurationManager atRevision = ConfigurationManager.open(snapshot.dir())) {
                    return run(atRevision, request, prefix, "validate " + shortId(snapshot.commitId()), governance);
                }
            }
            return run(workTree, request, prefix, "validate", governance);
        }
    }

    /**
     * Runs on {@code manager}'s directory (the work tree, or a snapshot of a commit); access is checked and changes
     * are audited by the work tree's settings, so the commit being validated cannot grant itself rights.
     */
    private ValidateOutcome run(ConfigurationManager manager, ValidateRequest request, String prefix, String command,
                                Governance governance) {
        LocalDate today = LocalDate.now(clock);
        List<String> environments = request.environments().isEmpty()
                ? manager.listConfigurations(Scope.GLOBAL) : request.environments();
        for (String e : environments) {
            governance.require(Permission.READ, e, "validate");
            if (request.fix()) {
                governance.require(Permission.WRITE, e, "validate --fix");
            }
        }
        ConfigurationValidator validator = manager.validator();
        ValidationRun run = validator.validate(request.environments(), today);
        List<AppliedFix> fixes = List.of();
        if (request.fix()) {
            backupBeforeFixes(manager, run, governance);
            fixes = manager.applyFixes(run.findings());
            for (AppliedFix f : fixes) {
                governance.record("validate --fix", "file", f.file(), f.path().toString(), Optional.empty(),
                        Optional.empty(), AuditEvent.OK + ": " + f.ruleId() + " fix written");
            }
            if (!fixes.isEmpty()) {
                run = validator.validate(request.environments(), today);
            }
        }
        Severity failOn = request.failOn().or(() -> validator.settings().failOn()).orElse(Severity.ERROR);
        Report report = Report.of(version, command, prefix, run.environments(), run.findings());
        return new ValidateOutcome(report, fixes, run.waived(), run.rules(), failOn);
    }

    /** A backup of each environment whose findings offer a fix, before the fixes are written (audited). */
    private void backupBeforeFixes(ConfigurationManager manager, ValidationRun run, Governance governance) {
        java.util.Set<String> environments = new java.util.TreeSet<>();
        run.findings().stream().filter(f -> f.fix().isPresent()).forEach(f -> environments.add(f.environment()));
        for (String env : environments) {
            String id = backups.take(manager.directory().root(), Scope.GLOBAL, env, "before-fix", clock.instant());
            if (!id.isEmpty()) {
                governance.record("validate --fix", "global", env, "", Optional.empty(), Optional.empty(),
                        AuditEvent.OK + ": backup " + id);
            }
        }
    }

    private static String shortId(String commitId) {
        return commitId.length() > 12 ? commitId.substring(0, 12) : commitId;
    }
}
