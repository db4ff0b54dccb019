/**
 * The rules a team declares in config-cicd.yaml (required, range, enum, pattern, type, unique, reference,
 * present-in-all, not-weaker, resource limits) and the {@code validation:} settings.
 *
 * <p>Must import only {@code validate}, {@code model}, {@code repo} and {@code security}.
 */
package io.configcicd.core.validate.rules;
