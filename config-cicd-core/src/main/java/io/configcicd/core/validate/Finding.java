package io.configcicd.core.validate;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A violation as the engine reports it: which rule, how serious (the rule's default or the severity the
 * settings give it), in which environment, where, what, and the fix a rule offers.
 *
 * <p>A report names a finding of a shared file once for all the environments it occurs in ({@link #alsoIn}):
 * {@link #environment()} then lists them separated by {@value #ENVIRONMENT_SEPARATOR} (environment names hold no
 * comma), and {@link #environments()} gives them one by one.
 */
public record Finding(String ruleId, Severity severity, String environment, ConfigPath path, Origin origin,
                      String message, Optional<Fix> fix) {

    /** What separates the environments of a finding that occurs in several. */
    public static final String ENVIRONMENT_SEPARATOR = ", ";

    /** The environments of this finding, in the order named; empty when it names none. */
    public List<String> environments() {
        return environment.isEmpty() ? List.of() : List.of(environment.split(ENVIRONMENT_SEPARATOR));
    }

    /** This finding for {@code other}'s environments too, after its own ({@link #environments()}). */
    public Finding alsoIn(Finding other) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(environments());
        all.addAll(other.environments());
        return new Finding(ruleId, severity, String.join(ENVIRONMENT_SEPARATOR, all), path, origin, message, fix);
    }

    /** This finding with another message (the same message masked, for example). */
    public Finding withMessage(String text) {
        return text.equals(message) ? this : new Finding(ruleId, severity, environment, path, origin, text, fix);
    }
}
