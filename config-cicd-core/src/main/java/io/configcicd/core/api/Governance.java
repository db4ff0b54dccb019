package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.AccessDeniedException;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.access.Decision;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.access.FileReach;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.security.audit.AuditLog;
import io.configcicd.core.security.audit.Principal;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who is acting and what they may do, for one configuration directory: the principal (the CI system's identity,
 * {@code CONFIG_CICD_USER} or the OS user: {@link Principal}), the {@code access:} policy of {@code config-cicd.yaml}
 * (of the work tree, or as a protected ref has it committed: {@link PolicySource}), and the audit log. Every front end
 * asks it before an operation ({@link #require}, {@link #requireFiles}) and tells it what was done ({@link #record});
 * a denied attempt is audited before the {@link AccessDeniedException} (exit code 4) leaves.
 */
public final class Governance {

    /**
     * Where the policy came from: the policy ref it was read from, how the work tree's {@code access:}/{@code audit:}
     * differ from it, and whether the process runs in CI (where such a difference refuses writes).
     */
    private record Source(Optional<String> ref, Optional<String> drift, boolean ci) {
        static final Source WORK_TREE = new Source(Optional.empty(), Optional.empty(), false);
    }

    /** The permissions whose operations change something: refused in CI while the work tree's policy differs. */
    private static final Set<Permission> WRITES =
            EnumSet.of(Permission.WRITE, Permission.ROLLBACK, Permission.DEPLOY, Permission.ADMIN);

    private final Principal principal;
    private final AccessPolicy policy;
    private final AuditLog log;
    private final Clock clock;
    private final OutputMasker masker;
    private final Supplier<List<String>> environments;
    private final Source source;

    /** A governance that knows no environments: a write to a shared file is checked on "some environment". */
    public Governance(Principal principal, AccessPolicy policy, AuditLog log, Clock clock) {
        this(principal, policy, log, clock, OutputMasker.none(), List::of, Source.WORK_TREE);
    }

    private Governance(Principal principal, AccessPolicy policy, AuditLog log, Clock clock, OutputMasker masker,
                       Supplier<List<String>> environments, Source source) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.masker = Objects.requireNonNull(masker, "masker");
        this.environments = Objects.requireNonNull(environments, "environments");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The same, with every audited text (path, values, result) passed through {@code outputs} first. */
    public Governance maskingWith(OutputMasker outputs) {
        return new Governance(principal, policy, log, clock, outputs, environments, source);
    }

    /**
     * The governance of a directory for the principal that the process environment names, under the policy of the
     * policy ref when one is set ({@link PolicySource}: {@code CONFIG_CICD_POLICY_REF}, {@code access.policy_from}).
     *
     * @throws io.configcicd.core.ConfigCicdException bad input when the policy ref cannot be read
     */
    public static Governance of(ConfigDirectory directory, Map<String, String> env) {
        var settings = directory.settings();
        String osUser = System.getProperty("user.name", "unknown");
        PolicySource.Policy p = PolicySource.load(directory, env);
        AuditLog log = AuditLog.forDirectory(directory.root(), p.audit(), new SecretMasker(settings.secretKeys()), env);
        return new Governance(Principal.resolve(env, osUser), p.access(), log, Clock.systemUTC(), OutputMasker.none(),
                directory::environments, new Source(p.ref(), p.drift(), PolicySource.isCi(env)));
    }

    /** The policy ref the access policy and the audit settings were read from, with its commit; empty: the work tree. */
    public Optional<String> policyRef() {
        return source.ref();
    }

    public Principal principal() {
        return principal;
    }

    public AccessPolicy policy() {
        return policy;
    }

    public AuditLog auditLog() {
        return log;
    }

    /**
     * Checks that the principal holds {@code permission} on {@code environment} ({@link AccessPolicy#ANY_ENVIRONMENT}
     * for operations on no single environment).
     *
     * @throws AccessDeniedException after auditing the denied attempt of {@code command}
     */
    public void require(Permission permission, String environment, String command) {
        requireKnownPolicy(permission, environment, command);
        var decision = policy.check(principal.name(), permission, environment);
        if (decision.allowed()) {
            return;
        }
        record(AuditEvent.of(clock.instant(), principal.name(), command, AuditEvent.denied(permission.label()))
                .withTarget("", environment, ""));
        policy.require(principal.name(), permission, environment);
    }

    /**
     * Checks that the principal may write {@code files} (relative to the configuration directory) with
     * {@code permission}: it is needed on every environment the files reach ({@link FileReach}: a file of
     * {@code global/} or {@code schemas/} reaches every environment), and {@link Permission#ADMIN} too, on every
     * environment, when {@code config-cicd.yaml} is among them. Call it with the files that will actually be written,
     * before the first is.
     *
     * @return the environments the write reaches, for the caller to validate them all
     * @throws AccessDeniedException after auditing the denied attempt, naming the file that needs the permission
     */
    public FileReach requireFiles(Permission permission, Collection<String> files, String command) {
        FileReach reach = FileReach.of(files, environments.get());
        if (reach.files().isEmpty()) {
            return reach;
        }
        requireKnownPolicy(permission, String.join(", ", reach.environments()), command);
        for (String environment : where(reach)) {
            requireFor(permission, environment, command, reach,
                    command + " writes " + reach.why(environment, permission));
        }
        if (reach.settings()) {
            for (String environment : where(reach)) {
                requireFor(Permission.ADMIN, environment, command, reach,
                        command + " writes " + reach.why(environment, Permission.ADMIN));
            }
        }
        return reach;
    }

    /**
     * In CI, a write under a policy ref is refused while the work tree's {@code access:} or {@code audit:} differs from
     * the ref's: the change to the policy has not been through the ref's review, and the run would otherwise act under
     * one policy while the repository shows another.
     */
    private void requireKnownPolicy(Permission permission, String environment, String command) {
        if (!source.ci() || source.drift().isEmpty() || !WRITES.contains(permission)) {
            return;
        }
        record(AuditEvent.of(clock.instant(), principal.name(), command, AuditEvent.denied(permission.label()
                + ": policy changed in the work tree")).withTarget("", environment, ""));
        throw new ConfigCicdException(ErrorKind.ACCESS_DENIED,
                Origin.file(Settings.FILE_NAME),
                "access denied: " + command + " is refused in CI because " + source.drift().get() + " of "
                        + Settings.FILE_NAME + " in the work tree " + (source.drift().get().contains(" and ") ? "differ"
                        : "differs") + " from the policy ref "
                        + source.ref().orElse(""),
                "a change to the access policy or the audit settings is reviewed and merged into the policy ref first;"
                        + " run this change without the edit to " + source.drift().get()
                        + " (the ref's policy is in force either way)");
    }

    /** The environments to check: those reached, or "some environment" when the directory has none. */
    private static List<String> where(FileReach reach) {
        return reach.environments().isEmpty() ? List.of(AccessPolicy.ANY_ENVIRONMENT) : List.copyOf(reach.environments());
    }

    private void requireFor(Permission permission, String environment, String command, FileReach reach, String why) {
        Decision d = policy.check(principal.name(), permission, environment);
        if (d.allowed()) {
            return;
        }
        AuditEvent denied = AuditEvent.of(clock.instant(), principal.name(), command, AuditEvent.denied(permission.label()))
                .withTarget("", environment, "");
        record(reach.files().isEmpty() ? denied : denied.withDetail("files", String.join(", ", reach.files())));
        throw new AccessDeniedException(new Decision(false, d.principal(), permission, environment, d.roles(),
                d.grantingRoles(), d.reason() + ": " + why));
    }

    /**
     * Checks that the principal may decrypt {@code value}, an {@code ENC[...]} text: when files of the directory hold
     * it, {@link Permission#REVEAL} on every environment they reach (a copy in {@code global/} reaches all of them;
     * a copy of production's value pasted into development's file does not make it development's alone); when no
     * file holds it, the value could be any environment's, so reveal on every environment, or else
     * {@link Permission#ADMIN} on every environment.
     *
     * @return the files that hold the value and the environments checked, for the audit record
     * @throws AccessDeniedException after auditing the denied attempt
     */
    public FileReach requireDecrypt(ConfigDirectory directory, String value, String command) {
        List<String> holding = ValueHolders.of(directory, value);
        if (!holding.isEmpty()) {
            FileReach reach = FileReach.of(holding, environments.get());
            for (String environment : where(reach)) {
                requireFor(Permission.REVEAL, environment, command, reach,
                        "the value is in " + reach.why(environment, Permission.REVEAL));
            }
            return reach;
        }
        FileReach every = new FileReach(List.of(), new TreeSet<>(environments.get()), List.of(), false);
        List<String> where = where(every);
        if (where.stream().allMatch(e -> policy.check(principal.name(), Permission.REVEAL, e).allowed())
                || where.stream().allMatch(e -> policy.check(principal.name(), Permission.ADMIN, e).allowed())) {
            return every;
        }
        for (String environment : where) {
            requireFor(Permission.REVEAL, environment, command, every, "the value is in no file of the configuration,"
                    + " so it may be any environment's: decrypting it needs reveal on every environment, or admin");
        }
        throw new IllegalStateException("a denial was expected");
    }

    /** Appends the event of {@code command} about the files of {@code reach}: its environments and files. */
    public void record(String command, FileReach reach, String result) {
        record(AuditEvent.of(clock.instant(), principal.name(), command, result)
                .withTarget("", String.join(", ", reach.environments()), "")
                .withDetail("files", String.join(", ", reach.files())));
    }

    /** Appends an event for {@code command} done by the principal, now; values must already be masked. */
    public void record(String command, String scope, String name, String path, Optional<String> oldValue,
                       Optional<String> newValue, String result) {
        record(AuditEvent.of(clock.instant(), principal.name(), command, result).withTarget(scope, name, path)
                .withValues(oldValue, newValue));
    }

    /**
     * Appends an event, its path, values and result masked; an event of this governance's principal also records
     * where the principal's name came from ({@link AuditEvent#by}).
     */
    public void record(AuditEvent event) {
        append(event);
    }

    private Optional<AuditLog.Appended> append(AuditEvent event) {
        AuditEvent who = event.principal().equals(principal.name()) ? event.by(principal) : event;
        return log.append(who.withTarget(event.scope(), event.name(), masker.mask(event.path()))
                .withValues(event.oldValue().map(masker::mask), event.newValue().map(masker::mask))
                .withResult(masker.mask(event.result())));
    }

    /**
     * An event of the principal's, now, about to start: {@code command} on a target ({@code ""} where none applies).
     * Add values and details with the event's {@code with...} methods, then hand it to {@link #audited}.
     */
    public AuditEvent event(String command, String scope, String name, String path) {
        return AuditEvent.of(clock.instant(), principal.name(), command, AuditEvent.STARTED).withTarget(scope, name, path);
    }

    /**
     * Runs a change between two audit lines. Before it: {@code intent} as a {@value AuditEvent#STARTED} line; when
     * that line cannot be written the action does not run, so nothing is changed without a trace. After it: the
     * outcome, {@code outcome.apply(result)} (say {@code intent.withResult(AuditEvent.OK + ": ...")}) or
     * {@code failed: <why>} when the action threw, each naming the started line in its detail
     * {@value AuditEvent#STARTED_DETAIL}. If the process dies in between, the started line stays: an action whose
     * outcome is unknown, which {@code audit verify} lists.
     *
     * @throws ConfigCicdException external when the started line cannot be written (the action did not run) or when
     *                             the outcome cannot be written after the action succeeded (it did run); whatever the
     *                             action threw, after its failure was recorded (or the recording failed: suppressed)
     */
    public <T> T audited(AuditEvent intent, Supplier<T> action, Function<? super T, AuditEvent> outcome) {
        Optional<AuditLog.Appended> started;
        try {
            started = append(intent.withResult(AuditEvent.STARTED));
        } catch (ConfigCicdException e) {
            throw new ConfigCicdException(e.kind(), e.origin(), e.problem(), hintWith(e, intent.command()
                    + " did not run: nothing was changed"), e);
        }
        T result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            try {
                append(finished(intent.withResult(AuditEvent.failed(why(e))), started));
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
            }
            throw e;
        }
        try {
            append(finished(outcome.apply(result), started));
        } catch (ConfigCicdException e) {
            throw ConfigCicdException.external(intent.command() + " was done, but its outcome could not be written to "
                    + "the audit log: " + e.problem(), hintWith(e, started.map(s -> "line " + s.seq()
                    + " of the log records that it started").orElse("")), e);
        }
        return result;
    }

    private AuditEvent finished(AuditEvent event, Optional<AuditLog.Appended> started) {
        AuditEvent now = event.withTime(clock.instant());
        return started.map(s -> now.withDetail(AuditEvent.STARTED_DETAIL, Long.toString(s.seq()))).orElse(now);
    }

    private static String why(RuntimeException e) {
        String text = e instanceof ConfigCicdException c ? c.problem() : e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }

    private static String hintWith(ConfigCicdException e, String more) {
        return e.hint().isEmpty() ? more : more.isEmpty() ? e.hint() : e.hint() + "; " + more;
    }
}
