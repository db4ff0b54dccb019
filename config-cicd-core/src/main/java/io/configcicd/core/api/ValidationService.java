package io.configcicd.core.api;

import io.configcicd.core.validate.suite.ConfigurationValidator;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Severity;
import io.configcicd.core.report.Report;
import io.configcicd.core.repo.git.GitWorkTrees;
import io.configcicd.core.validate.AppliedFix;
import io.configcicd.core.validate.ValidationRun;
import io.configcicd.core.source.Snapshot;
import io.configcicd.core.source.EffectiveAtRevision;
import java.time.Clock;
import java.time.LocalDate;
import io.configcicd.core.model.Scope;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.access.FileReach;
import io.configcicd.core.security.audit.AuditEvent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The one method the CLI, the Maven plugin and the action call to validate ({@link #validate}): it opens the
 * configuration directory (or reads the tree of a git revision from git's objects, as {@code assess} does), runs the
 * directory's validator on the environments asked for, writes the fixes rules offer when asked and validates again,
 * and returns one report whose paths are relative to the repository root.
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
        try (Workspace workspace = Workspace.open(request.configDir(), env)) {
            return validate(workspace, request);
        }
    }

    /**
     * {@link #validate(ValidateRequest)} in a configuration directory a front end has already opened (to mask its
     * output with the workspace's masker before anything runs): its documents are parsed once, for the masker and the
     * validation. The request's directory is the workspace's.
     */
    public ValidateOutcome validate(Workspace workspace, ValidateRequest request) {
        if (request.fix() && request.revision().isPresent()) {
            throw ConfigCicdException.badInput("--fix edits the files on disk and cannot be combined with a commit or branch",
                    "validate the commit without --fix, or check it out and run --fix on the work tree");
        }
        String prefix = GitWorkTrees.repositoryPrefix(request.configDir());
        ConfigurationManager workTree = workspace.manager();
        Governance governance = Governance.of(workTree.directory(), env).maskingWith(workspace.masker());
        if (request.revision().isPresent()) {
            return atRevision(request, request.revision().get(), prefix, governance);
        }
        ConfigurationValidator validator = workTree.validator();
        List<String> environments = request.environments().isEmpty()
                ? workTree.listConfigurations(Scope.GLOBAL) : request.environments();
        requireAccess(environments, request.fix(), governance);
        LocalDate today = LocalDate.now(clock);
        ValidationRun run = validator.validate(request.environments(), today);
        List<AppliedFix> fixes = List.of();
        if (request.fix()) {
            FileReach reach = governance.requireFiles(Permission.WRITE, workTree.fixFiles(run.findings()),
                    "validate --fix");
            fixes = fix(workTree, run, governance);
            if (!fixes.isEmpty()) {
                run = validator.validate(revalidated(request.environments(), reach), today);
            }
        }
        return outcome(validator, run, fixes, request, prefix, "validate");
    }

    /**
     * Validates the configuration directory as it was in a revision, read straight from git's objects (no checkout,
     * no copy: as {@code assess} reads it), origins naming the same files as in the work tree. Access is checked by
     * the work tree's settings (or the policy ref's, {@link PolicySource}), so the commit being validated cannot
     * grant itself rights.
     */
    private ValidateOutcome atRevision(ValidateRequest request, String revision, String prefix, Governance governance) {
        try (EffectiveAtRevision at = EffectiveAtRevision.open(request.configDir())) {
            String commit = at.commitId(revision);
            Snapshot source = at.validationSource(revision);
            List<String> environments = request.environments().isEmpty() ? source.environments() : request.environments();
            requireAccess(environments, false, governance);
            ConfigurationValidator validator = ConfigurationValidator.of(source);
            ValidationRun run = validator.validate(request.environments(), LocalDate.now(clock));
            return outcome(validator, run, List.of(), request, prefix, "validate " + shortId(commit));
        }
    }

    /**
     * The environments validated again after fixes were written: those asked for, and every environment a fixed file
     * reaches (a fix in {@code global/base.yaml} changes production too); empty (every environment) stays empty.
     */
    private static List<String> revalidated(List<String> asked, FileReach reach) {
        if (asked.isEmpty()) {
            return asked;
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>(asked);
        out.addAll(reach.environments());
        return List.copyOf(out);
    }

    private static void requireAccess(List<String> environments, boolean fix, Governance governance) {
        for (String e : environments) {
            governance.require(Permission.READ, e, "validate");
            if (fix) {
                governance.require(Permission.WRITE, e, "validate --fix");
            }
        }
    }

    /**
     * Writes the fixes the findings offer, after a backup of each environment they change: audited before (started)
     * and after (the outcome, then one line per fix written). A --fix that fails before it changed an environment's
     * files leaves no backup of it behind.
     */
    private List<AppliedFix> fix(ConfigurationManager manager, ValidationRun run, Governance governance) {
        Set<String> environments = new TreeSet<>();
        run.findings().stream().filter(f -> f.fix().isPresent()).forEach(f -> environments.add(f.environment()));
        if (environments.isEmpty()) {
            return List.of();
        }
        AuditEvent intent = governance.event("validate --fix", "global", String.join(",", environments), "");
        Fixed fixed = governance.audited(intent, () -> backupAndFix(manager, run, environments),
                f -> intent.withResult(AuditEvent.OK + ": " + f.fixes().size() + " fix(es) written"
                        + (f.backups().isEmpty() ? "" : ", backup " + String.join(", ", f.backups()))));
        for (AppliedFix f : fixed.fixes()) {
            governance.record("validate --fix", "file", f.file(), f.path().toString(), Optional.empty(),
                    Optional.empty(), AuditEvent.OK + ": " + f.ruleId() + " fix written");
        }
        return fixed.fixes();
    }

    private record Fixed(List<AppliedFix> fixes, List<String> backups) {
    }

    private Fixed backupAndFix(ConfigurationManager manager, ValidationRun run, Set<String> environments) {
        Path root = manager.directory().root();
        Map<String, String> taken = new LinkedHashMap<>();
        for (String env : environments) {
            String id = backups.take(root, Scope.GLOBAL, env, "before-fix", clock.instant());
            if (!id.isEmpty()) {
                taken.put(env, id);
            }
        }
        try {
            return new Fixed(manager.applyFixes(run.findings()), List.copyOf(taken.values()));
        } catch (RuntimeException e) {
            taken.forEach((env, id) -> {
                try {
                    backups.discardIfUnchanged(root, Scope.GLOBAL, env, id);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            });
            throw e;
        }
    }

    private ValidateOutcome outcome(ConfigurationValidator validator, ValidationRun run, List<AppliedFix> fixes,
                                    ValidateRequest request, String prefix, String command) {
        Severity failOn = request.failOn().or(() -> validator.settings().failOn()).orElse(Severity.ERROR);
        Report report = Report.of(version, command, prefix, run.environments(), run.findings());
        return new ValidateOutcome(report, fixes, run.waived(), run.rules(), failOn);
    }

    private static String shortId(String commitId) {
        return commitId.length() > 12 ? commitId.substring(0, 12) : commitId;
    }
}
