package io.configcicd.core.validate;

import io.configcicd.core.model.ConfigPath;

/**
 * A fix that was written: the rule that offered it, the file it edited (relative to the configuration
 * directory), the path it set, and what it did in words (which variable to set, for example).
 */
public record AppliedFix(String ruleId, String file, ConfigPath path, String description) {
}
