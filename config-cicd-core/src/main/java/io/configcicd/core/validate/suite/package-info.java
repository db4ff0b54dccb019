/**
 * {@code ConfigurationValidator}: the validator of a {@code Snapshot}, which assembles the JSON Schema rule, the
 * declared rules and the security policy with the settings' severities, disabled rules and waivers, and checks a
 * candidate write against it.
 *
 * <p>Must import only the {@code validate} packages, {@code source} and the layers below them; never {@code
 * history}, {@code report} or {@code api}.
 */
package io.configcicd.core.validate.suite;
