/**
 * The built-in security policy: rules that hold for every configuration directory unless its
 * {@code config-cicd.yaml} turns them off ({@link io.configcicd.core.validate.policy.SecurityPolicy}).
 * Rule ids ({@code security.*}, {@code yaml.ambiguous-boolean}) are part of the product contract: waivers and
 * severity overrides name them.
 */
package io.configcicd.core.validate.policy;
