package io.configcicd.core.impact;

import io.configcicd.core.model.RiskLevel;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.PathGlob;
import java.util.Objects;

/**
 * One risk rule: changes at paths matching {@code glob} are {@code level}, because of {@code reason}.
 *
 * @param glob   the paths it covers ({@code *}, {@code **}, {@code db_*})
 * @param level  the base level of a change it covers
 * @param reason why, as reports show it
 */
public record RiskRule(PathGlob glob, RiskLevel level, String reason) {

    public RiskRule {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }

    /** A rule from its glob text. */
    public static RiskRule of(String glob, RiskLevel level, String reason) {
        return new RiskRule(PathGlob.parse(glob), level, reason);
    }

    public boolean matches(ConfigPath path) {
        return glob.matches(path);
    }
}
