package io.configcicd.core.validate.rules;

import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.EnvironmentFilter;
import java.util.Objects;
import java.util.Optional;

/**
 * What every declared rule has: its id, severity, the environments it applies to, an optional message
 * template ({@code {path}} and {@code {value}} are replaced), the masker that hides secret values in
 * messages, and where the rule was declared.
 */
public record RuleSpec(String id, Severity severity, EnvironmentFilter environments, Optional<String> message,
                       SecretMasker masker, Origin declaredAt) {

    public RuleSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(environments, "environments");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(masker, "masker");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** A spec with defaults: error severity, every environment, the built-in message, default secret keys. */
    public static RuleSpec of(String id) {
        return new RuleSpec(id, Severity.ERROR, EnvironmentFilter.ALL, Optional.empty(),
                new SecretMasker(Settings.DEFAULT_SECRET_KEYS), Origin.UNKNOWN);
    }

    public RuleSpec withSeverity(Severity s) {
        return new RuleSpec(id, s, environments, message, masker, declaredAt);
    }

    public RuleSpec withEnvironments(EnvironmentFilter e) {
        return new RuleSpec(id, severity, e, message, masker, declaredAt);
    }

    public RuleSpec withMessage(String m) {
        return new RuleSpec(id, severity, environments, Optional.of(m), masker, declaredAt);
    }
}
