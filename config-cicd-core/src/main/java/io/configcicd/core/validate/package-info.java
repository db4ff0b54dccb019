/**
 * The validation engine: {@code ValidationRule} and its context, {@code Finding} (at file:line, with the fix a
 * rule offers), waivers, and the engine that runs rules per environment and applies severities.
 *
 * <p>Must import only {@code model} (and the root exception types): the rules live in subpackages, which import
 * this one; {@code validate.suite} assembles them.
 */
package io.configcicd.core.validate;
