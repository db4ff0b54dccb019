/**
 * Access control: {@link io.configcicd.core.security.access.AccessPolicy} reads {@code access:} of
 * {@code config-cicd.yaml} (roles of {@link io.configcicd.core.security.access.Permission}s per environment
 * pattern, groups, bindings) and decides; {@link io.configcicd.core.security.access.FileReach} says which
 * environments a write to some files reaches (a shared file reaches all of them); a denial is an
 * {@link io.configcicd.core.security.access.AccessDeniedException} (exit code 4), which front ends also
 * record in the audit log.
 */
package io.configcicd.core.security.access;
