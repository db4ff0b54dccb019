package io.configcicd.core.security.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One audited action: a change ({@code set}, {@code fix}), a deploy, a rollback, a reveal, or an attempt
 * that access control denied. One event becomes one line of the audit log ({@link AuditLog}).
 *
 * <p><b>The caller masks.</b> {@link #oldValue()} and {@link #newValue()} are the values as the product
 * shows them, with secrets already masked ({@code SecretMasker}); the log never needs plaintext. As a
 * second line of defence {@link AuditLog#append} masks again any value whose {@link #path()} names a
 * secret, and any detail whose key names one.
 *
 * @param time      when it happened
 * @param principal who did it ({@link Principal#name()})
 * @param command   the command: {@code set}, {@code deploy}, {@code rollback}, {@code get --reveal}, ...
 * @param scope     the scope ({@code global}, {@code environment}) or environment; empty when none applies
 * @param name      the configuration name or environment; empty when none applies
 * @param path      the dotted path of the value; empty when the event concerns no single value
 * @param oldValue  the value before, masked; empty when there was none (an added key) or it does not apply
 * @param newValue  the value after, masked; empty when there is none (a removed key) or it does not apply
 * @param result    {@value #OK}, {@code denied: <permission>} ({@link #denied}), {@code failed: <why>}
 *                  ({@link #failed}) or {@value #STARTED}
 * @param details   further facts (deployment id, targets, revision), sorted by key; empty when none
 */
public record AuditEvent(Instant time, String principal, String command, String scope, String name, String path,
                         Optional<String> oldValue, Optional<String> newValue, String result,
                         Map<String, String> details) {

    /** The result of an action that succeeded. */
    public static final String OK = "ok";

    /** The detail that says where the principal's name came from: a variable's name, {@code os-user}. */
    public static final String PRINCIPAL_SOURCE = "principal_source";

    /** The detail that names the CI system's identity of the run, when there is one. */
    public static final String CI_ACTOR = "ci_actor";

    /** The detail that keeps the {@code CONFIG_CICD_USER} a CI identity overrode. */
    public static final String REQUESTED_USER = "requested_user";

    /**
     * The result of the line written before a change is made; the outcome follows in a later line whose detail
     * {@value #STARTED_DETAIL} names this line's {@code seq}. A "started" line without one is an action whose outcome
     * is unknown (the process stopped in between).
     */
    public static final String STARTED = "started";

    /** The detail of an outcome line that names the {@code seq} of its {@value #STARTED} line. */
    public static final String STARTED_DETAIL = "started";

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(result, "result");
        details.forEach((k, v) -> Objects.requireNonNull(v, "details." + k));
        details = Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** An event with no target, values or details; add them with the {@code with...} methods. */
    public static AuditEvent of(Instant time, String principal, String command, String result) {
        return new AuditEvent(time, principal, command, "", "", "", Optional.empty(), Optional.empty(), result,
                Map.of());
    }

    /** The result of an attempt that lacked a permission: {@code denied: <permission>}. */
    public static String denied(String permission) {
        return "denied: " + permission;
    }

    /** The result of an action that failed: {@code failed: <why>}. */
    public static String failed(String why) {
        return "failed: " + why;
    }

    public AuditEvent withTarget(String scope, String name, String path) {
        return new AuditEvent(time, principal, command, scope, name, path, oldValue, newValue, result, details);
    }

    /** The same event with the (masked) values before and after. */
    public AuditEvent withValues(Optional<String> oldValue, Optional<String> newValue) {
        return new AuditEvent(time, principal, command, scope, name, path, oldValue, newValue, result, details);
    }

    /** The same event at another time. */
    public AuditEvent withTime(Instant time) {
        return new AuditEvent(time, principal, command, scope, name, path, oldValue, newValue, result, details);
    }

    public AuditEvent withResult(String result) {
        return new AuditEvent(time, principal, command, scope, name, path, oldValue, newValue, result, details);
    }

    /**
     * The same event done by {@code who}: its name as principal, and where the name came from
     * ({@value #PRINCIPAL_SOURCE}, {@value #CI_ACTOR} when a CI system named one, {@value #REQUESTED_USER} when
     * that overrode {@code CONFIG_CICD_USER}) as details.
     */
    public AuditEvent by(Principal who) {
        Map<String, String> d = new TreeMap<>(details);
        d.put(PRINCIPAL_SOURCE, who.source());
        who.ciActor().ifPresent(a -> d.put(CI_ACTOR, a));
        who.requested().ifPresent(r -> d.put(REQUESTED_USER, r));
        return new AuditEvent(time, who.name(), command, scope, name, path, oldValue, newValue, result, d);
    }

    /** The same event with one more detail (a detail of the same key is replaced). */
    public AuditEvent withDetail(String key, String value) {
        Map<String, String> d = new TreeMap<>(details);
        d.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new AuditEvent(time, principal, command, scope, name, path, oldValue, newValue, result, d);
    }
}
