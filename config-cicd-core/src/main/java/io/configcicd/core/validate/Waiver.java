package io.configcicd.core.validate;

import io.configcicd.core.model.Origin;
import io.configcicd.core.model.PathGlob;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code waivers:} in {@code config-cicd.yaml}: findings of rule {@code ruleId} at a path the glob
 * matches, in the environments the filter matches, are accepted for {@code reason} until the end of
 * {@code expires} (inclusive; no date means no expiry). {@code origin} is where the waiver was written.
 */
public record Waiver(String ruleId, PathGlob path, EnvironmentFilter environments, String reason,
                     Optional<LocalDate> expires, Origin origin) {

    public Waiver {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(environments, "environments");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether the waiver no longer applies on {@code today}. */
    public boolean expiredOn(LocalDate today) {
        return expires.map(today::isAfter).orElse(false);
    }

    /** Whether this waiver covers a finding (its date aside). */
    public boolean covers(Finding finding) {
        return finding.ruleId().equals(ruleId) && environments.matches(finding.environment())
                && path.matches(finding.path());
    }
}
