package io.configcicd.core.validate;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import java.util.Optional;

/**
 * A violation as the engine reports it: which rule, how serious (the rule's default or the severity the
 * settings give it), in which environment, where, what, and the fix a rule offers.
 */
public record Finding(String ruleId, Severity severity, String environment, ConfigPath path, Origin origin,
                      String message, Optional<Fix> fix) {

    /** This finding with another message (the same message masked, for example). */
    public Finding withMessage(String text) {
        return text.equals(message) ? this : new Finding(ruleId, severity, environment, path, origin, text, fix);
    }
}
