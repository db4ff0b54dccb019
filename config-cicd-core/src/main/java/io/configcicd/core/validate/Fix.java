package io.configcicd.core.validate;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;

/**
 * A change a rule offers to make a violation go away: set {@code path} of the environment's override
 * document to {@code value}. {@code description} says it in words, for example
 * "replace the plaintext secret with ${OPENAI_API_KEY} and set that variable".
 */
public record Fix(ConfigPath path, ConfigNode value, String description) {
}
