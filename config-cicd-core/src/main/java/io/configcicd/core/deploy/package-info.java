/**
 * The deploy engine (ARCHITECTURE 3, 3a): from an environment's effective configuration to its targets' stores.
 *
 * <p>Owns: the plan per target ({@link io.configcicd.core.deploy.TargetPlan}: adds, changes and deletes by entry
 * name, values masked, drift), the guardrails ({@link io.configcicd.core.deploy.Guardrails}), the all-or-nothing
 * apply across targets with verify and restore ({@link io.configcicd.core.deploy.Applier}), the journal
 * {@code .config-cicd/deployments/<id>.json} ({@link io.configcicd.core.deploy.Journal}), store rollback by
 * deployment id, drift and {@code test-stores}; one entry point, {@link io.configcicd.core.deploy.DeployEngine}, whose
 * results ({@link io.configcicd.core.deploy.Deployment}, {@link io.configcicd.core.deploy.DriftResult}) hold no
 * secret value.
 *
 * <p>May import {@code store}, {@code event}, {@code source}, {@code validate} ({@code validate.suite}),
 * {@code security}, {@code repo}, {@code load}, {@code model}. Must not import {@code watch}, {@code runtime},
 * {@code report} or {@code api}, nor any store SDK. Starts no thread: the executor that reads targets and the
 * {@code Clock} are passed in; progress goes out as {@link io.configcicd.core.event.Event}s.
 */
package io.configcicd.core.deploy;
