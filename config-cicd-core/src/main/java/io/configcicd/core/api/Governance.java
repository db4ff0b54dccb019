package io.configcicd.core.api;

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
        log.append(event.withTarget(event.scope(), event.name(), masker.mask(event.path()))
                .withValues(event.oldValue().map(masker::mask), event.newValue().map(masker::mask))
                .withResult(masker.mask(event.result())));
    }

    /** The masker of the directory's secret keys, for callers building audit values. */
    public static SecretMasker masker(ConfigDirectory directory) {
        return new SecretMasker(directory.settings().secretKeys());
    }
}
