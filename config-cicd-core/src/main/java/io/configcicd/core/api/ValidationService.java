package io.configcicd.core.api;

import io.configcicd.core.validate.suite.ConfigurationValidator;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.history.Backup;
import io.configcicd.core.deploy.TargetCheck;
import io.configcicd.core.history.ConfigBackup;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.schema.SchemaFiles;
import io.configcicd.core.validate.schema.SchemaFilesSettings;
import java.util.concurrent.Executor;
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
    private final Executor executor;

    /** @param version the tool version written into reports */
    public ValidationService(String version) {
        this(version, Clock.systemDefaultZone(), System.getenv());
    }

    /** With a clock, for the date waivers expire against. */
    public ValidationService(String version, Clock clock) {
        this(version, clock, System.getenv());
    }

    /**
     * @param env the process environment, which names the principal ({@code CONFIG_CICD_USER}, CI variables) that
     *            access control checks and the audit log records
     */
    public ValidationService(String version, Clock clock, Map<String, String> env) {
        this(version, clock, env, Runnable::run);
    }

    /**
     * @param executor where {@link #validateFiles} compiles the schema while the files are parsed; the service starts
     *                 no thread of its own ({@code Runnable::run}, the default: on the caller's thread). The caller
     *                 owns it and shuts it down.
     */
    public ValidationService(String version, Clock clock, Map<String, String> env, Executor executor) {
        this.version = Objects.requireNonNull(version, "version");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.env = Map.copyOf(env);
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Validates files against a JSON Schema ({@code validate --schema}); no configuration directory is opened, only
     * its settings file read when there is one.
     *
     * @throws ConfigCicdException bad input for the settings, the schema, or files that do not exist
     */
    public ValidateFilesOutcome validateFiles(ValidateFilesRequest request) {
        SchemaFilesSettings settings = SchemaFilesSettings.of(request.configDir())
                .withAssertFormats(request.assertFormats());
        SchemaFiles.Outcome checked = SchemaFiles.check(request.schema(), request.referenced(), request.files(),
                settings, env, executor);
        Report report = Report.of(version, "validate --schema", "", List.of(SchemaFiles.ENVIRONMENT),
                checked.result().findings());
        return new ValidateFilesOutcome(report, checked.masker(), request.failOn().orElse(Severity.ERROR));
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
        TargetCheck.check(workTree.directory().settings(), StoreProviders::installed);
        LocalDate today = LocalDate.now(clock);
        ValidationRun run = validator.validate(request.environments(), today);
        List<AppliedFix> fixes = List.of();
        if (request.fix()) {
            FileReach reach = governance.requireFiles(Permission.WRITE, workTree.fixFiles(run.findings()),
                    "validate --fix");
            fixes = fix(workTree, run, governance, request.backup(), workspace.events());
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
     * Writes the fixes the findings offer, after a backup of each environment they change when {@code backup}:
     * audited before (started) and after (the outcome, then one line per fix written). A --fix that fails before it
     * changed an environment's files leaves no backup of it behind. Each backup and each file written is an event.
     */
    private List<AppliedFix> fix(ConfigurationManager manager, ValidationRun run, Governance governance,
                                 boolean backup, EventSink events) {
        Set<String> environments = new TreeSet<>();
        run.findings().stream().filter(f -> f.fix().isPresent()).forEach(f -> environments.add(f.environment()));
        if (environments.isEmpty()) {
            return List.of();
        }
        AuditEvent intent = governance.event("validate --fix", "global", String.join(",", environments), "");
        Fixed fixed = governance.audited(intent, () -> backupAndFix(manager, run, environments, backup, events),
                f -> intent.withResult(AuditEvent.OK + ": " + f.fixes().size() + " fix(es) written"
                        + (f.backups().isEmpty() ? "" : ", backup " + String.join(", ", f.backups()))));
        for (AppliedFix f : fixed.fixes()) {
            governance.record("validate --fix", "file", f.file(), f.path().toString(), Optional.empty(),
                    Optional.empty(), AuditEvent.OK + ": " + f.ruleId() + " fix written");
            events.accept(new Event.FileWritten(clock.instant(), "validate --fix", f.file()));
        }
        return fixed.fixes();
    }

    private record Fixed(List<AppliedFix> fixes, List<String> backups) {
    }

    private Fixed backupAndFix(ConfigurationManager manager, ValidationRun run, Set<String> environments,
                               boolean backup, EventSink events) {
        Path root = manager.directory().root();
        ConfigBackup backups = new ConfigBackup();
        Map<String, Backup> taken = new LinkedHashMap<>();
        if (backup) {
            for (String env : environments) {
                Backup b = backups.create(root, Scope.GLOBAL, env, "before-fix", clock.instant());
                taken.put(env, b);
                events.accept(new Event.BackupTaken(clock.instant(), "validate --fix", b.id(),
                        b.kind() == Backup.Kind.GIT_TAG ? "git tag" : "copy"));
            }
        }
        try {
            return new Fixed(manager.applyFixes(run.findings()), taken.values().stream().map(Backup::id).toList());
        } catch (RuntimeException e) {
            taken.forEach((env, b) -> {
                try {
                    backups.discardIfUnchanged(root, Scope.GLOBAL, env, b);
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
