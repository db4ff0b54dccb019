package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.AccessDeniedException;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.security.audit.AuditLog;
import io.configcicd.core.security.audit.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who is acting and what they may do, for one configuration directory: the principal (from
 * {@code CONFIG_CICD_USER}, CI variables or the OS user), the {@code access:} policy of {@code config-cicd.yaml},
 * and the audit log. Every front end asks it before an operation ({@link #require}) and tells it what was done
 * ({@link #record}); a denied attempt is audited before the {@link AccessDeniedException} (exit code 4) leaves.
 */
public final class Governance {

    private final Principal principal;
    private final AccessPolicy policy;
    private final AuditLog log;
    private final Clock clock;
    private final OutputMasker masker;

    public Governance(Principal principal, AccessPolicy policy, AuditLog log, Clock clock) {
        this(principal, policy, log, clock, OutputMasker.none());
    }

    private Governance(Principal principal, AccessPolicy policy, AuditLog log, Clock clock, OutputMasker masker) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    /** The same, with every audited text (path, values, result) passed through {@code outputs} first. */
    public Governance maskingWith(OutputMasker outputs) {
        return new Governance(principal, policy, log, clock, outputs);
    }

    /** The governance of a directory for the principal that the process environment names. */
    public static Governance of(ConfigDirectory directory, Map<String, String> env) {
        var settings = directory.settings();
        String osUser = System.getProperty("user.name", "unknown");
        return new Governance(Principal.resolve(env, osUser), AccessPolicy.from(settings),
                AuditLog.forDirectory(directory.root(), settings, env), Clock.systemUTC());
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
        var decision = policy.check(principal.name(), permission, environment);
        if (decision.allowed()) {
            return;
        }
        record(AuditEvent.of(clock.instant(), principal.name(), command, AuditEvent.denied(permission.label()))
                .withTarget("", environment, ""));
        policy.require(principal.name(), permission, environment);
    }

    /** Appends an event for {@code command} done by the principal, now; values must already be masked. */
    public void record(String command, String scope, String name, String path, Optional<String> oldValue,
                       Optional<String> newValue, String result) {
        record(AuditEvent.of(clock.instant(), principal.name(), command, result).withTarget(scope, name, path)
                .withValues(oldValue, newValue));
    }

    /** Appends an event, its path, values and result masked. */
    public void record(AuditEvent event) {
        append(event);
    }

    private Optional<AuditLog.Appended> append(AuditEvent event) {
        return log.append(event.withTarget(event.scope(), event.name(), masker.mask(event.path()))
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

    /** The masker of the directory's secret keys, for callers building audit values. */
    public static SecretMasker masker(ConfigDirectory directory) {
        return new SecretMasker(directory.settings().secretKeys());
    }
}
