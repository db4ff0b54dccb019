package io.configcicd.core.validate;

import io.configcicd.core.model.Severity;
import java.util.List;

/**
 * A rule in the shape of maven-enforcer's: it looks at one environment's effective configuration and
 * reports violations; the engine gives them a severity and decides whether the run fails.
 */
public interface ValidationRule {

    /** A stable id, used in settings, waivers and reports, for example {@code security.plaintext-secret}. */
    String id();

    /** The severity of this rule's violations unless the settings say otherwise. */
    Severity defaultSeverity();

    List<Violation> check(RuleContext context);
}
