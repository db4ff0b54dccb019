package io.configcicd.core.validate;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.Optional;

/**
 * What a rule reports: where ({@code path} in the effective configuration, {@code origin} the file:line
 * that set it), what is wrong, and optionally a fix. A rule does not decide severity or failure.
 */
public record Violation(ConfigPath path, Origin origin, String message, Optional<Fix> fix) {

    public static Violation of(ConfigPath path, Origin origin, String message) {
        return new Violation(path, origin, message, Optional.empty());
    }
}
